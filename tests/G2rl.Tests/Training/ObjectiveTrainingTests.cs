using G2rl.Rewards;
using G2rl.Sampling;
using G2rl.Tests.Support;
using G2rl.Training;
using G2rl.Training.Config;
using TorchSharp;
using static TorchSharp.torch;

namespace G2rl.Tests.Training;

/// <summary>
/// The loss options inside a real update on the tiny fixture model. At the first PPO pass the ratio is 1 (old log-probs are
/// recomputed), so the policy loss reduces to −Σ A·mask / normaliser, which the tests compute by hand from the batch.
/// </summary>
public sealed class ObjectiveTrainingTests : IDisposable
{
    private readonly TempDir temp = new();

    public void Dispose() => temp.Dispose();

    private static float[] Advantages(int n) => [.. Enumerable.Range(0, n).Select(i => (float)(0.2 + (0.13 * i) - (i % 2 == 0 ? 0.9 : 0)))];

    [Fact]
    public void MaskTruncatedRemovesTruncatedRowsFromThePolicyLossAndItsNormaliser()
    {
        var config = TinyTraining.Config(temp.Sub("run"), c => c with { Loss = c.Loss with { MaskTruncated = true }, Optim = c.Optim with { Lr = 1e-3 } });
        using var context = TinyTraining.Context(config);
        using var trainer = new GrpoTrainer(config, context);
        var samples = new RolloutStage(context, config).Run([0, 1, 2], seed: 5).Select((s, i) => i % 3 == 0 ? s with { Finish = FinishReason.Length } : s with { Finish = FinishReason.Eos }).ToList();
        using var batch = RolloutBatch.Build(samples, context.PadTokenId, CPU);
        using var lp = LogProbStage.Run(batch, context.Policy, null, 1.0, 4, 7, true, null);
        var a = Advantages(samples.Count);
        using var adv = torch.tensor(a);
        var kept = Enumerable.Range(0, samples.Count).Where(i => i % 3 != 0).ToList();
        var expected = -kept.Sum(i => a[i] * samples[i].ResponseIds.Count) / kept.Sum(i => (double)samples[i].ResponseIds.Count);
        var update = new UpdateStage(context.Policy, trainer.Optimizer, config, TrainingOptions.From(config), 0).Run(batch, lp, adv, 1e-3, 1);
        Assert.Equal(expected, update.Loss, 4);
    }

    [Fact]
    public void AllTruncatedRowsGiveNoGradientUnderMaskTruncated()
    {
        var config = TinyTraining.Config(temp.Sub("run"), c => c with { Loss = c.Loss with { MaskTruncated = true } });
        using var context = TinyTraining.Context(config);
        using var trainer = new GrpoTrainer(config, context);
        var before = context.Policy.named_parameters().ToDictionary(p => p.name, p => p.parameter.detach().clone());
        var samples = new RolloutStage(context, config).Run([0, 1, 2], seed: 5).Select(s => s with { Finish = FinishReason.Length }).ToList();
        using var batch = RolloutBatch.Build(samples, context.PadTokenId, CPU);
        using var lp = LogProbStage.Run(batch, context.Policy, null, 1.0, 4, 7, true, null);
        using var adv = torch.tensor(Advantages(samples.Count));
        var update = new UpdateStage(context.Policy, trainer.Optimizer, config, TrainingOptions.From(config), 0).Run(batch, lp, adv, 1e-3, 1);
        Assert.Equal(0.0, update.Loss);
        Assert.Equal(0.0, update.GradNorm);
        foreach (var (name, p) in context.Policy.named_parameters())
        {
            Assert.True(p.eq(before[name]).all().item<bool>(), $"{name} changed");
        }
    }

    [Fact]
    public void TopEntropyQuantileKeepsOnlyTheHighEntropyTokensInThePolicyLoss()
    {
        const double rho = 0.3;
        var config = TinyTraining.Config(temp.Sub("run"), c => c with { Loss = c.Loss with { TopEntropyQuantile = rho }, Rollout = c.Rollout with { MaxNewTokens = 5 } });
        using var context = TinyTraining.Context(config);
        using var trainer = new GrpoTrainer(config, context);
        var samples = new RolloutStage(context, config).Run([0, 1, 2], seed: 8);
        using var batch = RolloutBatch.Build(samples, context.PadTokenId, CPU);
        using var lp = LogProbStage.Run(batch, context.Policy, null, 1.0, 4, 7, true, null);
        var a = Advantages(samples.Count);
        using var adv = torch.tensor(a);
        // Brute force: the ⌈ρ·n⌉ largest π_old entropies among response tokens (ties at the threshold kept); normaliser = all tokens.
        var width = (int)batch.TargetMask.shape[1];
        var mask = batch.TargetMask.data<float>().ToArray();
        var entropy = lp.Entropy.data<float>().ToArray();
        var tokens = Enumerable.Range(0, mask.Length).Where(k => mask[k] > 0).ToList();
        var k = (int)Math.Ceiling(rho * tokens.Count);
        var threshold = tokens.Select(t => entropy[t]).OrderDescending().ElementAt(k - 1);
        var top = tokens.Where(t => entropy[t] >= threshold).ToList();
        var expected = -top.Sum(t => (double)a[t / width]) / tokens.Count;
        var update = new UpdateStage(context.Policy, trainer.Optimizer, config, TrainingOptions.From(config), 0).Run(batch, lp, adv, 1e-3, 1);
        Assert.True(top.Count < tokens.Count);
        Assert.Equal(expected, update.Loss, 4);
    }

    [Fact]
    public void SequenceImportanceSamplingTrainsAndMatchesTheTokenLossAtRatioOne()
    {
        var config = TinyTraining.Config(temp.Sub("run"), c => c with { Loss = c.Loss with { ImportanceSampling = "sequence" } });
        using var context = TinyTraining.Context(config);
        using var trainer = new GrpoTrainer(config, context);
        var samples = new RolloutStage(context, config).Run([0, 1, 2], seed: 5);
        using var batch = RolloutBatch.Build(samples, context.PadTokenId, CPU);
        using var lp = LogProbStage.Run(batch, context.Policy, null, 1.0, 4, 7, true, null);
        var a = Advantages(samples.Count);
        using var adv = torch.tensor(a);
        var expected = -samples.Select((s, i) => a[i] * s.ResponseIds.Count).Sum() / samples.Sum(s => (double)s.ResponseIds.Count);
        var update = new UpdateStage(context.Policy, trainer.Optimizer, config, TrainingOptions.From(config), 0).Run(batch, lp, adv, 1e-3, 1);
        Assert.Equal(expected, update.Loss, 4);
        Assert.Equal(1, update.OptimizerSteps);
    }

    [Fact]
    public void DynamicSamplingRunsInTheTrainerAndLogsTheDroppedShare()
    {
        var config = TinyTraining.Config(temp.Sub("run"), c => c with
        {
            Rollout = c.Rollout with { DynamicSampling = new DynamicSamplingSection { Metric = "accuracy", MaxBatches = 3 } },
            Run = c.Run with { Steps = 2 },
        });
        using var context = TinyTraining.Context(config);
        using var trainer = new GrpoTrainer(config, context);
        foreach (var step in new[] { 0, 1 })
        {
            var m = trainer.Step(step).Metrics;
            Assert.InRange(m["dynamic_sampling/batches"], 1, 3);
            Assert.InRange(m["dynamic_sampling/dropped_share"], 0, 1);
            Assert.True(m["dynamic_sampling/filled_with_dropped"] == 0 || m["dynamic_sampling/batches"] == 3);
        }
    }

    [Fact]
    public void CustomRewardsFromTheRegistryEnterTheBaseRewardAndTheMetrics()
    {
        var config = TinyTraining.Config(temp.Sub("run"), c => c with
        {
            Rewards = [new RewardWeight { Name = "verifier", Weight = 1 }, new RewardWeight { Name = "first-char", Weight = 0.5 }],
            Reward = new RewardSection { OverlongBuffer = new OverlongBufferSection { Length = 2, Penalty = 0.2 } },
            Run = c.Run with { Steps = 1 },
        });
        using var context = TinyTraining.Context(config, rewards: new RewardRegistry().Register(new FirstCharEven()));
        var outcome = new TrainingRun(config, context).Execute(CancellationToken.None);
        Assert.Equal(TrainingStop.Completed, outcome.Stop);
        var lines = CompletionsFile.Read(CompletionsFile.PathOf(config.Run.OutputDir, 1));
        Assert.Equal(12, lines.Count);
        foreach (var l in lines)
        {
            var first = l.Response.Length > 0 && l.Response[0] % 2 == 0 ? 1.0 : 0.0;
            var overlong = OverlongExpected(l.NumTokens, 3, 2, 0.2);
            Assert.Equal(first, l.RewardBreakdown["first-char"]);
            Assert.Equal(overlong, l.RewardBreakdown["overlong"], 12);
            Assert.Equal((l.Correct ? 1 : -1) + (0.5 * first) + overlong, l.BaseReward, 12);
            Assert.Equal(l.BaseReward, l.ShapedReward, 12);
        }
        var metrics = File.ReadAllLines(Path.Combine(config.Run.OutputDir, "metrics.jsonl"))[0];
        Assert.Contains("\"rewards/first-char\":", metrics, StringComparison.Ordinal);
        Assert.Contains("\"rewards/overlong\":", metrics, StringComparison.Ordinal);
    }

    private static double OverlongExpected(int length, int max, int buffer, double penalty) =>
        length <= max - buffer ? 0 : (max - buffer - length) / (double)buffer * penalty;

    /// <summary>A custom reward: 1 when the response's first character code is even.</summary>
    private sealed class FirstCharEven : IRewardFunction
    {
        public string Name => "first-char";

        public RewardScore Score(RewardInput input) => new(input.Text.Length > 0 && input.Text[0] % 2 == 0 ? 1.0 : 0.0);
    }
}
