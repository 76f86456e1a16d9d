using G2rl.Exploration;
using G2rl.Sampling;
using G2rl.Training;
using G2rl.Training.Config;

namespace G2rl.Bench;

/// <summary>
/// Part 1: on one fixed rollout batch (a step's rollouts from the initial policy), <c>LogProbStage.Run</c> with
/// recompute_old and no reference, without a feature sink, and with a <c>GradientFeatureAccumulator</c> followed by
/// <c>G2rlExploration.Shape</c> (λ 0.5 printed, clip 3, uniform), which finishes Φ and shapes the rewards. One
/// warm-up round, then --pass-reps rounds (more for a cheap pass, see --min-seconds), one repetition of each per round.
/// </summary>
internal static class LogProbPassTiming
{
    public static FeaturesRow Measure(FeaturesCase c, TrainingContext context, TrainConfig config, FeaturesSettings s)
    {
        var policy = context.Policy;
        var device = policy.Device;
        var indices = Enumerable.Range(0, c.Prompts).ToArray();
        var samples = new RolloutStage(context, config).Run(indices, s.Seed);
        var rewards = RewardStage.Run(samples, [.. indices.Select(i => c.Problems[i])], c.Group, c.Verifier, plusMinusOne: true);
        using var batch = RolloutBatch.Build(samples, context.PadTokenId, device);
        using var g2rl = new G2rlExploration(0.5, ShapingMode.Printed, 3, FeatureWeighting.Uniform);
        var micro = config.Batch.MicroBatchSize;
        var chunk = config.Batch.LogprobChunk;
        var row = new FeaturesRow
        {
            Model = c.Name,
            Parameters = c.Config.ParameterCount(),
            Vocab = c.Config.VocabSize,
            Rows = batch.Rows,
            PromptWidth = batch.PromptWidth,
            ResponseTokens = batch.ResponseLengths.Average(),
            TargetTokens = batch.ResponseLengths.Sum(),
        };
        for (var round = 0; round == 0 || s.MoreRounds(round - 1, s.PassReps, row.PassSeconds.Sum()); round++)
        {
            var label = round == 0 ? "warm-up" : $"rep {round}";
            var plain = CpuClock.Time(device, () =>
            {
                using var lp = LogProbStage.Run(batch, policy, null, 1.0, micro, chunk, recomputeOld: true, sink: null);
            });
            using var sink = new GradientFeatureAccumulator(batch.Rows, c.Config.VocabSize, device);
            var withSink = CpuClock.Time(device, () =>
            {
                using var lp = LogProbStage.Run(batch, policy, null, 1.0, micro, chunk, recomputeOld: true, sink);
            });
            var finish = CpuClock.Time(device, () => sink.Finish(policy.LmHeadWeight).Dispose());
            var input = new ShapingInput(rewards.Rewards, rewards.Correct, rewards.HasAnswer, rewards.Texts, policy.LmHeadWeight, sink);
            var shape = CpuClock.Time(device, () => g2rl.Shape(input));
            Progress.Log($"{c.Name}: log-prob pass {label}: plain {Format.Seconds(plain.Wall)} s, with sink {Format.Seconds(withSink.Wall)} s, finish {Format.Seconds(finish.Wall)} s, shape {Format.Seconds(shape.Wall)} s");
            if (round > 0)
            {
                row.PassSeconds.Add(plain.Wall);
                row.PassCpuSeconds.Add(plain.Cpu);
                row.PassWithSinkSeconds.Add(withSink.Wall);
                row.PassWithSinkCpuSeconds.Add(withSink.Cpu);
                row.FinishSeconds.Add(finish.Wall);
                row.ShapeSeconds.Add(shape.Wall);
            }
        }
        return row;
    }
}
