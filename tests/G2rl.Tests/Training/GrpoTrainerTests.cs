using G2rl.Sampling;
using G2rl.Rl;
using G2rl.Tests.Support;
using G2rl.Training;
using G2rl.Training.Config;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace G2rl.Tests.Training;

/// <summary>End-to-end behaviour of the GRPO trainer on the tiny fixture model.</summary>
public sealed class GrpoTrainerTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDir temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void MeanRewardRisesOnATrivialTask()
    {
        var config = TinyTraining.Config(temp.Sub("run"), c => c with
        {
            Rollout = c.Rollout with { GroupSize = 8, PromptsPerStep = 4, MaxNewTokens = 1 },
            Optim = c.Optim with { Lr = 2e-2, GradClip = 0 },
            Run = c.Run with { Steps = 12 },
        });
        using var context = TinyTraining.Context(config);
        using var trainer = new GrpoTrainer(config, context);
        var reports = Enumerable.Range(0, config.Run.Steps).Select(trainer.Step).ToList();
        var accuracy = reports.Select(r => r.Metrics["reward/accuracy"]).ToList();
        output.WriteLine("times: " + string.Join(" ", reports[^1].Metrics.Where(kv => kv.Key.StartsWith("time/", StringComparison.Ordinal)).Select(kv => $"{kv.Key}={kv.Value:F3}")));
        output.WriteLine("accuracy per step: " + string.Join(" ", accuracy.Select(a => a.ToString("F2"))));
        Assert.True(accuracy.TakeLast(3).Average() > accuracy.Take(3).Average() + 0.25, "accuracy should rise clearly");
    }

    [Fact]
    public void OneUpdateChangesEveryParameterAndLowersTheSurrogateOnTheSameBatch()
    {
        var config = TinyTraining.Config(temp.Sub("run"), c => c with { Optim = c.Optim with { Lr = 1e-3 } });
        using var context = TinyTraining.Context(config);
        using var trainer = new GrpoTrainer(config, context);
        var before = context.Policy.named_parameters().ToDictionary(p => p.name, p => p.parameter.detach().clone());
        var samples = new RolloutStage(context, config).Run([0, 1, 2], seed: 5);
        using var batch = RolloutBatch.Build(samples, context.PadTokenId, CPU);
        using var lp = LogProbStage.Run(batch, context.Policy, null, 1.0, 4, 7, true, null);
        var rewards = Enumerable.Range(0, 3).Select(p => Enumerable.Range(0, 4).Select(g => (double)((p + g) % 2 == 0 ? 1 : -1)).ToArray()).ToArray();
        using var adv = torch.tensor(trainer.GroupAdvantages(rewards).SelectMany(a => a).ToArray());
        double Surrogate()
        {
            using var scope = NewDisposeScope();
            using var noGrad = torch.no_grad();
            var (now, _) = LogProbStage.Run(batch, context.Policy, null, 1.0, 4, 7, true, null) is var s ? (s.Old, s) : default;
            var (loss, _) = PolicyLoss.Compute(now, lp.Old, adv);
            return LossAggregator.Aggregate(loss, batch.TargetMask, LossAggregation.TokenMean).item<float>();
        }
        var surrogateBefore = Surrogate();
        var update = new UpdateStage(context.Policy, trainer.Optimizer, config, TrainingOptions.From(config), 0).Run(batch, lp, adv, 1e-3, 1);
        Assert.Equal(1, update.OptimizerSteps);
        foreach (var (name, p) in context.Policy.named_parameters())
        {
            Assert.False(p.eq(before[name]).all().item<bool>(), $"{name} did not change");
        }
        var surrogateAfter = Surrogate();
        output.WriteLine($"surrogate before {surrogateBefore:F5}, after {surrogateAfter:F5}");
        Assert.True(surrogateAfter < surrogateBefore);
    }

    [Fact]
    public void KlIsZeroAtTheFirstStepAndPositiveAfterUpdates()
    {
        var config = TinyTraining.Config(temp.Sub("run"), c => c with { Loss = c.Loss with { KlCoef = 0.01 }, Optim = c.Optim with { Lr = 5e-3 } });
        using var context = TinyTraining.Context(config);
        using var trainer = new GrpoTrainer(config, context);
        var kl = Enumerable.Range(0, 3).Select(s => trainer.Step(s).Metrics["kl"]).ToList();
        output.WriteLine("kl per step: " + string.Join(" ", kl.Select(k => k.ToString("E2"))));
        Assert.True(Math.Abs(kl[0]) < 1e-6);
        Assert.True(kl[2] > 1e-5);
    }

    [Fact]
    public void SamplerAndRecomputedOldLogProbsAgree()
    {
        var config = TinyTraining.Config(temp.Sub("run"), c => c with { Rollout = c.Rollout with { Temperature = 0.8, MaxNewTokens = 6 } });
        using var context = TinyTraining.Context(config);
        var samples = new RolloutStage(context, config).Run([0, 3, 5], seed: 2);
        using var batch = RolloutBatch.Build(samples, context.PadTokenId, CPU);
        using var recomputed = LogProbStage.Run(batch, context.Policy, null, 0.8, 2, 5, true, null);
        using var fromSampler = LogProbStage.Run(batch, context.Policy, null, 0.8, 2, 5, false, null);
        var diff = (recomputed.Old - fromSampler.Old).abs().max().item<float>();
        output.WriteLine($"max |Δ old log-prob| sampler vs recompute = {diff:E3}");
        Assert.True(diff < 1e-4);
        Assert.True(batch.TargetMask.sum().item<float>() > 10);
    }

    [Fact]
    public void NonFiniteStepsAreSkippedAndTheRunStopsAfterTheLimit()
    {
        var config = TinyTraining.Config(temp.Sub("run"), c => c with { Run = c.Run with { Steps = 10, MaxBadSteps = 2 } });
        using var context = TinyTraining.Context(config, new NaNRewards());
        var outcome = new TrainingRun(config, context).Execute(CancellationToken.None);
        Assert.Equal(TrainingStop.TooManyBadSteps, outcome.Stop);
        Assert.Null(outcome.LatestCheckpoint);
        var lines = File.ReadAllLines(Path.Combine(config.Run.OutputDir, "metrics.jsonl"));
        Assert.Equal(2, lines.Length);
        Assert.Contains("\"skipped_updates\":1", lines[0]);
        Assert.All(CompletionsFile.Read(CompletionsFile.PathOf(config.Run.OutputDir, 1)), l => Assert.True(double.IsNaN(l.ShapedReward)));
    }

    /// <summary>An exploration method whose shaped rewards are NaN: the loss becomes NaN and the update must be skipped.</summary>
    private sealed class NaNRewards : G2rl.Exploration.IExplorationMethod
    {
        public string Name => "nan";

        public double EntropyBonus => 0;

        public G2rl.Exploration.IFeatureSink? BeginStep(int rows, int vocabSize, Device device) => null;

        public G2rl.Exploration.ShapingResult Shape(G2rl.Exploration.ShapingInput input) =>
            new([.. input.Rewards.Select(r => r.Select(_ => double.NaN).ToArray())], new Dictionary<string, double>());

        public void Dispose()
        {
        }
    }
}
