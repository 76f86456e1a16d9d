using System.Diagnostics;
using G2rl.Checkpoints;
using G2rl.Exploration;
using G2rl.Model;
using G2rl.Reporting;
using G2rl.Runtime;
using G2rl.Tokenization;
using G2rl.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace G2rl.Study;

/// <summary>
/// Runs a study: evaluates the base checkpoint, then every method × seed from it with the same budget (seed-major order),
/// evaluating each final policy on the held-out set. Resumable per run: a run whose <see cref="StudyRunStore"/> record
/// matches its settings is loaded, not redone.
/// </summary>
public sealed class StudyRunner(StudyPlan plan, IStudyObserver observer)
{
    /// <summary>Runs (or reuses) everything; <paramref name="baseSeconds"/> is the time spent making the base policy, if any.</summary>
    public StudyResults Run(CancellationToken cancel, double baseSeconds = 0)
    {
        var clock = Stopwatch.StartNew();
        if (plan.Template.Run.Threads > 0)
        {
            torch.set_num_threads(plan.Template.Run.Threads);
        }
        var device = ComputeDevice.Resolve(plan.Template.Model.Device);
        var dtype = DTypes.Parse(plan.Template.Model.Dtype);
        var baseDir = plan.Template.Model.Path;
        var maxNew = plan.Eval.MaxNewTokens > 0 ? plan.Eval.MaxNewTokens : plan.Template.Rollout.MaxNewTokens;
        var tokenizer = TokenizerLoader.Load(baseDir);
        var needsEncoder = plan.Eval.Embedding || plan.Methods.Any(m => m.Exploration.Method == "evol");
        using var encoder = needsEncoder ? new MiniLmSentenceEncoder(new MiniLmOptions(MaxTokens: plan.Eval.EmbeddingMaxTokens, Truncation: TokenTruncation.KeepEnd)) : null;
        var geometryEncoder = plan.Eval.Embedding ? encoder : null;
        var parameters = Qwen3Config.Load(Path.Combine(baseDir, "config.json")).ParameterCount();
        var baseKey = StudyRunStore.Key(plan, null, maxNew);
        var baseFolder = Path.Combine(plan.OutputDirectory, "base");
        var baseRun = StudyRunStore.TryLoad(baseFolder, baseKey);
        if (baseRun is null)
        {
            using var baseModel = HfCheckpoint.Load(baseDir, device, dtype);
            var evaluation = RunEvaluation.Run("base", baseModel, tokenizer, plan, maxNew, geometryEncoder);
            baseRun = Store(baseKey, "base", 0, 0, [], evaluation);
            StudyRunStore.Save(baseFolder, baseRun);
        }
        var baseEval = baseRun.Evaluation();
        observer.OnMessage($"base policy ({parameters:N0} parameters): held-out pass@1 {Pass1(baseEval):P1}");
        var runs = new List<StudyRun>();
        foreach (var seedIndex in Enumerable.Range(0, plan.Seeds))
        {
            foreach (var method in plan.Methods)
            {
                cancel.ThrowIfCancellationRequested();
                runs.Add(RunOne(method, seedIndex, tokenizer, device, dtype, maxNew, encoder, geometryEncoder, cancel));
            }
        }
        var machine = MachineInfo.Current(torch.get_num_threads());
        return new StudyResults(plan, parameters, baseEval, runs, baseSeconds, baseSeconds + clock.Elapsed.TotalSeconds, machine);
    }

    private StudyRun RunOne(StudyMethod method, int seedIndex, ITextTokenizer tokenizer, Device device, ScalarType dtype, int maxNew,
        ISentenceEncoder? encoder, ISentenceEncoder? geometryEncoder, CancellationToken cancel)
    {
        var config = plan.RunConfig(method, seedIndex);
        var key = StudyRunStore.Key(plan, config, maxNew);
        if (StudyRunStore.TryLoad(config.Run.OutputDir, key) is { } done)
        {
            observer.OnMessage($"{method.Name} seed {seedIndex}: finished earlier, reusing {config.Run.OutputDir}");
            return new StudyRun(method.Name, seedIndex, config.Run.OutputDir, done.Steps, done.Evaluation(), done.Seconds, done.Validation);
        }
        if (Directory.Exists(config.Run.OutputDir))
        {
            // The study owns runs/<method>-seed<k>: a run without a matching record (unfinished, or made with other settings) is redone from scratch.
            Directory.Delete(config.Run.OutputDir, recursive: true);
        }
        var clock = Stopwatch.StartNew();
        var baseDir = plan.Template.Model.Path;
        using var context = new TrainingContext
        {
            Policy = HfCheckpoint.Load(baseDir, device, dtype),
            Reference = config.Loss.KlCoef > 0 ? HfCheckpoint.Load(baseDir, device, dtype) : null,
            Tokenizer = tokenizer,
            TrainProblems = plan.Train,
            Verifier = plan.Verifier,
            Template = plan.Prompt,
            Exploration = method.Exploration.Method == "evol"
                ? new EvolExploration(encoder!, method.Exploration.EvolTailChars, ownsEncoder: false)
                : ExplorationFactory.Create(config),
        };
        var steps = new List<IReadOnlyDictionary<string, double>>();
        new TrainingRun(config, context, new StudyRunObserver(method.Name, seedIndex, observer, steps)).Execute(cancel);
        var evaluation = RunEvaluation.Run(method.Name, context.Policy, tokenizer, plan, maxNew, geometryEncoder);
        var validation = plan.Validation.Count > 0 ? RunEvaluation.Run(method.Name, context.Policy, tokenizer, plan, maxNew, null, validation: true).Results : null;
        var seconds = clock.Elapsed.TotalSeconds;
        StudyRunStore.Save(config.Run.OutputDir, Store(key, method.Name, seedIndex, seconds, steps, evaluation) with { Validation = validation });
        observer.OnMessage($"{method.Name} seed {seedIndex}: held-out pass@1 {Pass1(evaluation):P1} ({seconds:F0} s)");
        return new StudyRun(method.Name, seedIndex, config.Run.OutputDir, steps, evaluation, seconds, validation);
    }

    private static StoredRun Store(string key, string method, int seed, double seconds, IReadOnlyList<IReadOnlyDictionary<string, double>> steps, RunEvaluation e) =>
        new(key, method, seed, seconds, [.. steps.Select(s => new Dictionary<string, double>(s))], e.Results, e.DistinctSolutions,
            e.Geometry is null ? null : StoredGeometry.From(e.Geometry));

    private static double Pass1(RunEvaluation e) => e.Results.Average(r => r.Correct.Average(c => c ? 1.0 : 0.0));
}
