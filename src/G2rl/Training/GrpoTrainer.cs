using G2rl.Sampling;
using System.Diagnostics;
using G2rl.Data;
using G2rl.Exploration;
using G2rl.Rewards;
using G2rl.Rl;
using G2rl.Training.Config;
using TorchSharp;
using static TorchSharp.torch;

namespace G2rl.Training;

/// <summary>
/// GRPO with verifiable rewards. A step reads: sample → grade → old/ref log-probs (+ features) → shape → advantages →
/// update. Randomness is a pure function of (seed, step), so N steps straight and N/2 + resume + N/2 give the same weights.
/// </summary>
public sealed class GrpoTrainer : IDisposable
{
    private readonly TrainConfig config;
    private readonly TrainingContext context;
    private readonly TrainingOptions options;
    private readonly RolloutStage rollout;
    private readonly DataOrder order;
    private readonly LearningRateSchedule schedule;
    private readonly UpdateStage update;
    private readonly WeightedReward reward;
    private readonly DynamicSampling sampling;
    private readonly ObjectiveOptions objective;

    public GrpoTrainer(TrainConfig config, TrainingContext context)
    {
        this.config = config;
        this.context = context;
        context.Policy.Backbone.GradientCheckpointing = config.Batch.GradientCheckpointing;
        options = TrainingOptions.From(config);
        rollout = new RolloutStage(context, config);
        order = new DataOrder(context.TrainProblems.Count, config.Rollout.PromptsPerStep, config.Run.Seed);
        schedule = new LearningRateSchedule(config.Optim.Lr, config.Optim.WarmupSteps, config.Run.Steps, options.Schedule, config.Optim.MinLrRatio);
        // LoRA: the optimizer sees only the adapters (the base is frozen).
        Optimizer = new AdamW(context.Policy.Adapters?.NamedParameters ?? context.Policy.named_parameters(), config.Optim.Beta1, config.Optim.Beta2, config.Optim.Eps, config.Optim.WeightDecay);
        update = new UpdateStage(context.Policy, Optimizer, config, options, context.Exploration.EntropyBonus);
        reward = WeightedReward.FromConfig(config, context.Rewards);
        sampling = new DynamicSampling(config.Rollout.DynamicSampling, context.TrainProblems.Count, config.Rollout.PromptsPerStep, config.Run.Seed);
        objective = ObjectiveOptions.From(config);
    }

    /// <summary>The optimizer (its state goes into checkpoints).</summary>
    public AdamW Optimizer { get; }

    /// <summary>Runs 0-based training step <paramref name="step"/> and returns its metrics.</summary>
    public StepReport Step(int step)
    {
        var clock = Stopwatch.StartNew();
        Stopwatch sampleClock = new(), scoreClock = new();
        var drawn = sampling.Collect(step, order.ForStep(step),
            (i, seed) => Timed(sampleClock, () => rollout.Run(i, seed)),
            (i, rows) => Timed(scoreClock, () => Grade(i, rows)));
        var (samples, rewards) = (drawn.Samples, drawn.Rewards);
        var problems = drawn.Indices.Select(i => context.TrainProblems[i]).ToList();
        var (tSample, tScore) = (sampleClock.Elapsed.TotalSeconds, scoreClock.Elapsed.TotalSeconds);
        clock.Restart();
        using var batch = RolloutBatch.Build(samples, context.PadTokenId, context.Policy.Device);
        using var sink = context.Exploration.BeginStep(batch.Rows, context.Policy.Config.VocabSize, context.Policy.Device);
        using var logProbs = LogProbStage.Run(batch, context.Policy, config.Loss.KlCoef > 0 ? context.KlReference : null, config.Rollout.Temperature,
            config.Batch.MicroBatchSize, config.Batch.LogprobChunk, options.RecomputeOldLogProbs, sink, config.Batch.MaxTokensPerMicroBatch);
        var shaping = context.Exploration.Shape(new ShapingInput(rewards.VerifierTerm, rewards.Correct, rewards.HasAnswer, rewards.Texts, context.Policy.LmHeadWeight, sink));
        var shaped = rewards.AddOtherTerms(shaping.Rewards);
        var before = GroupAdvantages(rewards.Rewards);
        var advantages = GroupAdvantages(shaped);
        var tLogProbs = Lap(clock);
        using var advantageTensor = torch.tensor(advantages.SelectMany(a => a).ToArray(), device: context.Policy.Device);
        var lr = schedule.At(step);
        context.Policy.Adapters?.ReseedDropout(Seeds.Derive(config.Run.Seed, "lora_dropout", step));
        var result = update.Run(batch, logProbs, advantageTensor, lr, Seeds.Derive(config.Run.Seed, "update", step));
        var tUpdate = Lap(clock);
        var metrics = StepMetrics.Build(samples, rewards, shaping with { Rewards = shaped }, before, advantages, result, lr, new StageTimes(tSample, tScore, tLogProbs, tUpdate), drawn.Metrics);
        var due = config.Log.CompletionsEvery > 0 && (step + 1) % config.Log.CompletionsEvery == 0;
        var completions = due ? CompletionsBuilder.Build(step + 1, problems, [.. problems.Select(context.Template.Render)], samples, rewards, shaping, shaped, advantages) : null;
        return new StepReport(step, metrics, result) { Completions = completions };
    }

    /// <summary>Advantages [P][G] of rewards [P][G] with the configured estimator.</summary>
    public float[][] GroupAdvantages(double[][] rewards)
    {
        using var scope = NewDisposeScope();
        var g = rewards[0].Length;
        var t = torch.tensor(rewards.SelectMany(r => r).Select(x => (float)x).ToArray(), [rewards.Length, g]);
        var a = Advantages.Compute(t, options.Advantage, objective.Scaling, config.Loss.AdvantageEps).data<float>().ToArray();
        return Enumerable.Range(0, rewards.Length).Select(p => a.Skip(p * g).Take(g).ToArray()).ToArray();
    }

    /// <summary>The trainer state after <paramref name="completedSteps"/> steps.</summary>
    public TrainerState State(int completedSteps, int badInRow, int skippedTotal)
    {
        var (epoch, position) = order.PositionOf(completedSteps);
        return new TrainerState
        {
            Step = completedSteps,
            OptimizerSteps = Optimizer.StepCount,
            Seed = config.Run.Seed,
            DataEpoch = epoch,
            DataPosition = position,
            RopeFrequencyDtype = Runtime.DTypes.Name(context.Policy.Backbone.RopeFrequencyDType),
            BadStepsInRow = badInRow,
            SkippedStepsTotal = skippedTotal,
        };
    }

    private StepRewards Grade(int[] indices, IReadOnlyList<SampledSequence> rows) =>
        RewardStage.Run(rows, [.. indices.Select(i => context.TrainProblems[i])], config.Rollout.GroupSize, context.Verifier, reward);

    private static T Timed<T>(Stopwatch clock, Func<T> work)
    {
        clock.Start();
        try
        {
            return work();
        }
        finally
        {
            clock.Stop();
        }
    }

    private static double Lap(Stopwatch clock)
    {
        var s = clock.Elapsed.TotalSeconds;
        clock.Restart();
        return s;
    }

    public void Dispose() => Optimizer.Dispose();
}
