using G2rl.Checkpoints;
using G2rl.Exploration;
using G2rl.Sampling;
using G2rl.Tests.Support;
using G2rl.Training;
using G2rl.Training.Config;
using TorchSharp;
using static TorchSharp.torch;

namespace G2rl.Tests.Training;

/// <summary>
/// batch.max_tokens_per_micro_batch groups rows by length under a padded-token budget; the loss normalisation is over the
/// mini-batch, so the loss, the gradients (seen through AdamW's first moment, m = (1 − β1)·g after one step) and the
/// log-probs do not depend on the budget.
/// </summary>
public sealed class TokenBudgetTests : IDisposable
{
    private readonly TempDir temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void ByTokenBudgetKeepsEveryRowOnceAndEachPaddedSizeWithinTheBudget()
    {
        var random = new Random(3);
        for (var trial = 0; trial < 200; trial++)
        {
            var n = random.Next(1, 30);
            var widths = Enumerable.Range(0, n).Select(_ => random.Next(2, 60)).ToArray();
            var rows = Enumerable.Range(0, n).Select(i => (i * 7) % n).Distinct().ToList();
            rows.AddRange(Enumerable.Range(0, n).Except(rows));
            var budget = random.Next(1, 200);
            var plan = MicroBatches.ByTokenBudget(rows, r => widths[r], budget);
            Assert.Equal(rows.Order(), plan.SelectMany(m => m).Order());
            foreach (var micro in plan)
            {
                var padded = micro.Count * micro.Max(r => widths[r]);
                Assert.True(micro.Count == 1 || padded <= budget, $"micro-batch of {micro.Count} rows pads to {padded} > {budget}");
            }
            // Greedy packing of the sorted rows: adding the next micro-batch's first row would have broken the budget.
            for (var m = 0; m + 1 < plan.Count; m++)
            {
                Assert.True((plan[m].Count + 1) * plan[m].Max(r => widths[r]) > budget);
            }
        }
    }

    [Fact]
    public void AutoKeepsRowMicroBatches()
    {
        var plan = MicroBatches.Plan([4, 0, 3, 1, 2], _ => 10, 2, AutoCount.Auto);
        Assert.Equal([[4, 0], [3, 1], [2]], plan.Select(m => m.ToArray()).ToArray());
    }

    [Fact]
    public void LossGradientsAndLogProbsDoNotDependOnTheBudget()
    {
        int?[] budgets = [null, 1, 16, 30, 100000];
        var results = budgets.Select(Run).ToList();
        var (loss0, logp0, state0) = results[0];
        Assert.True(state0.Values.Sum(t => t.abs().sum().item<float>()) > 0);
        for (var i = 1; i < results.Count; i++)
        {
            var (loss, logp, state) = results[i];
            Assert.True(Math.Abs(loss - loss0) <= 1e-6 * Math.Max(1, Math.Abs(loss0)), $"budget {budgets[i]}: loss {loss} vs {loss0}");
            Assert.True((logp - logp0).abs().max().item<float>() < 1e-6, $"budget {budgets[i]}: log-probs differ");
            foreach (var (name, t) in state0)
            {
                var diff = (state[name] - t).abs().max().item<float>();
                Assert.True(diff < 1e-7, $"budget {budgets[i]}: {name} differs by {diff}");
            }
        }
    }

    [Fact]
    public void G2rlFeaturesOfTheLogProbPassDoNotDependOnTheBudgetAndMatchTheMaskedPass()
    {
        using var scope = NewDisposeScope();
        using var policy = HfCheckpoint.Load(FixtureModels.Dir("tiny-qwen3-tied"), CPU, ScalarType.Float32);
        using var batch = RolloutBatch.Build(Samples(), 0, CPU);
        // Independent reference: the masked pass over all rows at once (GradientFeatures.SequenceFeatures).
        var reference = GradientFeatures.SequenceFeatures(policy, batch.InputIds, batch.AttentionMask, batch.TargetMask, 1.0);
        foreach (var budget in new int?[] { null, 1, 20 })
        {
            using var sink = new GradientFeatureAccumulator(batch.Rows, policy.Config.VocabSize, CPU);
            using var lp = LogProbStage.Run(batch, policy, null, 1.0, 2, 5, true, sink, new AutoCount(budget));
            var phi = sink.Finish(policy.LmHeadWeight);
            var diff = (phi - reference).abs().max().item<float>();
            Assert.True(diff < 1e-5, $"budget {budget}: features differ by {diff}");
        }
    }

    private (double Loss, Tensor LogProbs, Dictionary<string, Tensor> Moments) Run(int? budget)
    {
        var config = TinyTraining.Config(temp.Sub($"b{budget}"), c => c with
        {
            Batch = c.Batch with { MicroBatchSize = 2, MaxTokensPerMicroBatch = new AutoCount(budget) },
            Optim = c.Optim with { GradClip = 0 },
        });
        using var policy = HfCheckpoint.Load(FixtureModels.Dir("tiny-qwen3-tied"), CPU, ScalarType.Float32);
        using var optimizer = new AdamW(policy.named_parameters(), weightDecay: 0);
        using var batch = RolloutBatch.Build(Samples(), 0, CPU);
        using var logProbs = LogProbStage.Run(batch, policy, null, 1.0, config.Batch.MicroBatchSize, 5, true, null, config.Batch.MaxTokensPerMicroBatch);
        using var advantages = torch.tensor(new float[] { 1.0f, -0.5f, 0.25f, -1.0f, 0.75f, 0.1f, -0.3f });
        var update = new UpdateStage(policy, optimizer, config, TrainingOptions.From(config), 0).Run(batch, logProbs, advantages, 1e-3, 1);
        Assert.Equal(1, update.OptimizerSteps);
        var moments = optimizer.StateTensors().Where(t => t.Name.StartsWith("m.", StringComparison.Ordinal)).ToDictionary(t => t.Name, t => t.Tensor.clone());
        return (update.Loss, logProbs.Old.clone(), moments);
    }

    /// <summary>Seven rows with different prompt and response lengths (widths 3 … 14).</summary>
    private static List<SampledSequence> Samples()
    {
        var random = new Random(5);
        (int Prompt, int Response)[] shapes = [(2, 1), (5, 9), (3, 3), (7, 2), (2, 12), (4, 6), (6, 1)];
        return [.. shapes.Select((s, i) => new SampledSequence(
            i,
            [.. Enumerable.Range(0, s.Prompt).Select(_ => random.Next(3, 380))],
            [.. Enumerable.Range(0, s.Response).Select(_ => random.Next(3, 380))],
            [.. Enumerable.Range(0, s.Response).Select(_ => -1f)],
            FinishReason.Length,
            ""))];
    }
}
