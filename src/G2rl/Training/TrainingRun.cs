using System.Diagnostics;
using G2rl.Evaluation;
using G2rl.Grading;
using G2rl.Training.Config;

namespace G2rl.Training;

/// <summary>
/// The run loop around <see cref="GrpoTrainer"/>: resolved config into the run directory, resume from the latest checkpoint,
/// per-step metrics, periodic evaluation and checkpoints, non-finite steps skipped (stop after run.max_bad_steps in a row,
/// keeping the last good checkpoint), and cancellation (finish the current step, save, return).
/// </summary>
public sealed class TrainingRun(TrainConfig config, TrainingContext context, ITrainingObserver? observer = null)
{
    /// <summary>
    /// Runs until run.steps, cancellation or too many bad steps. <paramref name="resumeFrom"/>: a run directory or
    /// checkpoint folder; without it a non-empty run directory is refused unless <paramref name="overwrite"/>.
    /// A failure inside the loop saves an emergency checkpoint and throws <see cref="TrainingFailedException"/>.
    /// </summary>
    public TrainingOutcome Execute(CancellationToken cancel, string? resumeFrom = null, bool overwrite = false)
    {
        var runDir = config.Run.OutputDir;
        RunDirectory.Prepare(runDir, resumeFrom is not null, overwrite);
        var checkpointer = new Checkpointer(runDir, config.Checkpoint.KeepLast);
        if (CheckpointBranches.RemoveOrphans(checkpointer.Directory) is > 0 and var orphans)
        {
            observer?.OnMessage($"removed {orphans} unfinished checkpoint folder(s) of an interrupted save");
        }
        using var trainer = new GrpoTrainer(config, context);
        var state = Resume(resumeFrom, trainer);
        if (state is not null)
        {
            StartBranch(checkpointer, state.Step);
        }
        Reporting.AtomicFile.WriteAllText(Path.Combine(runDir, "config.resolved.json"), ConfigLoader.ToJson(config));
        using var log = new MetricsLog(runDir, append: state is not null);
        var probe = context.TrainProblems.Count > 0 ? context.Tokenizer.Encode(context.Template.Render(context.TrainProblems[0])) : null;
        var start = state?.Step ?? 0;
        int badInRow = state?.BadStepsInRow ?? 0, skipped = state?.SkippedStepsTotal ?? 0, lastSaved = start;
        var clock = Stopwatch.StartNew();
        var step = start;
        for (; step < config.Run.Steps && !cancel.IsCancellationRequested; step++)
        {
            var updated = false;
            using var snapshot = StepSnapshot.Take(trainer.Optimizer);
            try
            {
                var report = trainer.Step(step);
                updated = true;
                var rolledBack = !report.Skipped && !StepSnapshot.IsHealthy(context.Policy, probe);
                if (rolledBack)
                {
                    snapshot.Restore(trainer.Optimizer);
                    observer?.OnMessage($"step {step + 1}: the update left non-finite weights or logits; rolled back to the weights and optimizer state before it");
                }
                badInRow = report.Skipped || rolledBack ? badInRow + 1 : 0;
                skipped += report.Update.SkippedSteps + (rolledBack ? 1 : 0);
                var metrics = new Dictionary<string, double>(report.Metrics) { ["train/rolled_back"] = rolledBack ? 1 : 0 };
                if (Due(config.Eval.Every, step) || (config.Eval.Every > 0 && step == config.Run.Steps - 1))
                {
                    foreach (var (k, v) in Evaluate(step + 1))
                    {
                        metrics[k] = v;
                    }
                }
                log.Write(step + 1, metrics);
                if (report.Completions is { } completions)
                {
                    CompletionsFile.Write(runDir, step + 1, completions);
                    if (config.Log.PrintGroup)
                    {
                        observer?.OnCompletions(step + 1, completions);
                    }
                }
                observer?.OnStep(step + 1, config.Run.Steps, metrics, clock.Elapsed);
                if (badInRow >= config.Run.MaxBadSteps)
                {
                    observer?.OnMessage($"stopping: {badInRow} consecutive steps had non-finite loss, gradients, weights or logits; the last good checkpoint is kept");
                    return new TrainingOutcome(step + 1 - badInRow, TrainingStop.TooManyBadSteps, checkpointer.Latest());
                }
                if (Due(config.Checkpoint.Every, step) && badInRow == 0)
                {
                    checkpointer.Save(context.Policy, trainer.Optimizer, context.Tokenizer, trainer.State(step + 1, badInRow, skipped));
                    lastSaved = step + 1;
                }
            }
            catch (Exception ex) when (ex is not TrainingFailedException)
            {
                // The last good state: after this step when its update went through and was healthy, else before it.
                var good = updated && badInRow == 0 ? step + 1 : step;
                if (good == step)
                {
                    snapshot.Restore(trainer.Optimizer);
                }
                throw EmergencySave(checkpointer, trainer, good, badInRow, skipped, step + 1, ex);
            }
        }
        if (lastSaved != step && badInRow == 0)
        {
            checkpointer.Save(context.Policy, trainer.Optimizer, context.Tokenizer, trainer.State(step, badInRow, skipped));
        }
        var stop = step >= config.Run.Steps ? TrainingStop.Completed : TrainingStop.Cancelled;
        observer?.OnMessage(stop == TrainingStop.Completed ? $"done: {step} steps" : $"interrupted after step {step}; saved");
        return new TrainingOutcome(step, stop, checkpointer.Latest());
    }

    /// <summary>On resume: newer checkpoints of the abandoned branch are moved aside and logs truncated to the restored step.</summary>
    private void StartBranch(Checkpointer checkpointer, int restoredStep)
    {
        if (CheckpointBranches.MoveNewerAside(checkpointer.Directory, restoredStep) is { } aside)
        {
            observer?.OnMessage($"checkpoints after step {restoredStep} (an abandoned branch) moved to {aside}");
        }
        if (MetricsLog.TruncateAfter(config.Run.OutputDir, restoredStep) is > 0 and var dropped)
        {
            observer?.OnMessage($"dropped {dropped} logged record(s) after step {restoredStep} from metrics.jsonl and TensorBoard");
        }
    }

    /// <summary>Writes the last good state as a checkpoint marked by emergency.json and returns the exception to throw.</summary>
    private TrainingFailedException EmergencySave(Checkpointer checkpointer, GrpoTrainer trainer, int goodStep, int badInRow, int skipped, int failedStep, Exception error)
    {
        var what = $"step {failedStep} failed: {error.GetType().Name}: {error.Message}";
        try
        {
            var folder = checkpointer.Save(context.Policy, trainer.Optimizer, context.Tokenizer, trainer.State(goodStep, badInRow, skipped),
                temp => File.WriteAllText(Path.Combine(temp, EmergencyMarker), System.Text.Json.JsonSerializer.Serialize(new { emergency = true, step = goodStep, error = what })));
            return new TrainingFailedException($"{what}; emergency checkpoint of the state after step {goodStep} saved to {folder} (resume with --resume {config.Run.OutputDir})", folder, error);
        }
        catch (Exception saveError)
        {
            return new TrainingFailedException($"{what}; the emergency checkpoint could not be saved either: {saveError.Message}", null, error);
        }
    }

    /// <summary>The file that marks an emergency checkpoint (it holds the error).</summary>
    public const string EmergencyMarker = "emergency.json";

    /// <summary>pass@1 (and maj@n when samples &gt; 1) of every held-out set, limited to eval.limit problems.</summary>
    public Dictionary<string, double> Evaluate(int step)
    {
        var metrics = new Dictionary<string, double>();
        var options = new EvalOptions
        {
            Samples = config.Eval.Samples,
            Temperature = config.Eval.Temperature,
            MaxNewTokens = config.Eval.MaxNewTokens > 0 ? config.Eval.MaxNewTokens : config.Rollout.MaxNewTokens,
            Seed = Seeds.Derive(config.Run.Seed, "eval", 0),
            PromptsPerBatch = Math.Max(1, config.Rollout.PromptsPerStep),
        };
        foreach (var (name, problems) in context.EvalSets)
        {
            var subset = config.Eval.Limit > 0 ? problems.Take(config.Eval.Limit).ToList() : problems;
            var (_, results) = Evaluator.Run(context.Policy, context.Tokenizer, context.Template, name, subset, context.Verifier,
                options.Samples > 1 ? MathEquivalence.AreEquivalent : null, options);
            var summary = BenchmarkMetrics.Compute(name, results);
            metrics[$"eval/{name}/pass@1"] = summary.Pass1;
            if (summary.Majority is double maj)
            {
                metrics[$"eval/{name}/maj@{options.Samples}"] = maj;
            }
        }
        observer?.OnMessage($"eval after step {step}: " + string.Join(", ", metrics.Select(kv => $"{kv.Key}={kv.Value:F3}")));
        return metrics;
    }

    private TrainerState? Resume(string? from, GrpoTrainer trainer)
    {
        if (from is null)
        {
            return null;
        }
        var folder = File.Exists(Path.Combine(from, "trainer_state.json")) ? from : new Checkpointer(from, config.Checkpoint.KeepLast).Latest()
            ?? throw new G2rlException($"--resume {from}: no complete checkpoint found (expected {from}/checkpoints/step-*/trainer_state.json)");
        var state = Checkpointer.Restore(folder, context.Policy, trainer.Optimizer);
        if (state.Seed != config.Run.Seed)
        {
            throw new G2rlException($"--resume {folder}: the checkpoint was made with seed {state.Seed}, the config says {config.Run.Seed}");
        }
        observer?.OnMessage($"resumed from {folder} at step {state.Step}");
        return state;
    }

    private static bool Due(int every, int step) => every > 0 && (step + 1) % every == 0;
}
