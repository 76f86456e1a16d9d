using G2rl.Model;
using G2rl.Planning;
using G2rl.Tests.Support;
using G2rl.Training.Config;

namespace G2rl.Tests.Planning;

/// <summary><c>auto</c> takes the largest value that fits (checked by brute force), and non-fitting plans are refused naming the key.</summary>
public sealed class PlanResolutionTests
{
    private static readonly Qwen3Config Tiny = Qwen3Config.Load(Path.Combine(FixtureModels.Dir("tiny-qwen3-tied"), "config.json"));

    private static PlanInputs TinyInputs(bool checkpointing = false) => new()
    {
        Model = Tiny, DTypeBytes = 2, Reference = true, RowsPerStep = 12, PromptTokens = 7, MaxNewTokens = 33,
        GradientCheckpointing = checkpointing, LogprobChunk = 16, GradientFeatures = true,
    };

    private static DeviceBudget Budget(long bytes) => new(bytes, "test", Cuda: false);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AutoPicksTheLargestFittingValuesByBruteForce(bool checkpointing)
    {
        var s = TinyInputs(checkpointing);
        var persistent = MemoryPlanner.Persistent(s).Total;
        var maxRollout = MemoryPlanner.Rollout(s, s.RowsPerStep).Total;
        var maxUpdate = MemoryPlanner.Update(s, s.RowsPerStep * s.RowTokens).Total;
        var checkedSomeInterior = 0;
        for (var extra = 0L; extra <= Math.Max(maxRollout, maxUpdate) + 10; extra += 997)
        {
            var budget = Budget(((persistent + extra) * 20 / 19) + 20);
            var plan = MemoryPlanner.Plan(s, AutoCount.Auto, AutoCount.Auto, budget);
            var bruteSlots = Enumerable.Range(1, s.RowsPerStep).LastOrDefault(n => persistent + MemoryPlanner.Rollout(s, n).Total <= budget.Bytes);
            var bruteTokens = Enumerable.Range((int)s.RowTokens, (int)((s.RowsPerStep * s.RowTokens) - s.RowTokens + 1))
                .LastOrDefault(t => persistent + MemoryPlanner.Update(s, t).Total <= budget.Bytes);
            Assert.Equal(bruteSlots, plan.LargestMaxNumSeqs);
            Assert.Equal(bruteTokens, plan.LargestMaxTokensPerMicroBatch);
            if (bruteSlots > 0 && bruteTokens > 0)
            {
                Assert.True(plan.Fits);
                Assert.Equal(bruteSlots, plan.MaxNumSeqs);
                Assert.Equal(bruteTokens, plan.MaxTokensPerMicroBatch);
                checkedSomeInterior += bruteSlots < s.RowsPerStep || bruteTokens < s.RowsPerStep * s.RowTokens ? 1 : 0;
            }
            else
            {
                Assert.False(plan.Fits);
            }
        }
        Assert.True(checkedSomeInterior > 3, "the sweep must cover budgets between the extremes");
    }

    [Fact]
    public void ResolveReplacesAutoAndKeepsExplicitValues()
    {
        var s = TinyInputs();
        var plan = MemoryPlanner.Plan(s, AutoCount.Auto, AutoCount.Auto, Budget(1L << 40));
        Assert.Equal(12, plan.MaxNumSeqs);
        Assert.Equal(12 * 40, plan.MaxTokensPerMicroBatch);
        var config = new TrainConfig();
        var resolved = PlanCheck.Resolve(config, plan);
        Assert.Equal(12, resolved.Rollout.MaxNumSeqs.Value);
        Assert.Equal(480, resolved.Batch.MaxTokensPerMicroBatch.Value);
        var explicitConfig = config with { Rollout = config.Rollout with { MaxNumSeqs = new AutoCount(5) } };
        Assert.Equal(5, PlanCheck.Resolve(explicitConfig, plan).Rollout.MaxNumSeqs.Value);
        Assert.Contains("\"max_num_seqs\": 12", ConfigLoader.ToJson(resolved));
    }

    [Fact]
    public void RefusalNamesTheKeyToChange()
    {
        // Many rows and one-row micro-batches: the KV cache of 256 slots outweighs the update, so the rollout is what does not fit.
        var s = TinyInputs() with { RowsPerStep = 256 };
        var persistent = MemoryPlanner.Persistent(s).Total;
        var budget = Budget((persistent + Math.Max(MemoryPlanner.Rollout(s, 64).Total, MemoryPlanner.Update(s, 100).Total)) * 20 / 19);
        var config = new TrainConfig();

        var tooManySlots = MemoryPlanner.Plan(s, new AutoCount(256), new AutoCount(40), budget);
        var e1 = Assert.Throws<G2rlException>(() => PlanCheck.EnsureFits(tooManySlots, config));
        Assert.Contains($"set rollout.max_num_seqs to at most {tooManySlots.LargestMaxNumSeqs}", e1.Message);
        Assert.InRange(tooManySlots.LargestMaxNumSeqs, 64, 255);

        var tooManyTokens = MemoryPlanner.Plan(s, new AutoCount(1), new AutoCount(4000), budget);
        var e2 = Assert.Throws<G2rlException>(() => PlanCheck.EnsureFits(tooManyTokens, config));
        Assert.Contains("batch.max_tokens_per_micro_batch", e2.Message);

        var oneRowTooBig = MemoryPlanner.Plan(s, AutoCount.Auto, AutoCount.Auto, Budget((persistent + MemoryPlanner.Rollout(s, 1).Total + 1) * 20 / 19));
        var e3 = Assert.Throws<G2rlException>(() => PlanCheck.EnsureFits(oneRowTooBig, config));
        Assert.Contains("batch.gradient_checkpointing", e3.Message);

        var persistentTooBig = MemoryPlanner.Plan(s, AutoCount.Auto, AutoCount.Auto, Budget(persistent / 2));
        Assert.Contains("model.dtype", Assert.Throws<G2rlException>(() => PlanCheck.EnsureFits(persistentTooBig, config)).Message);
    }

    [Fact]
    public void PaperConfigsFitAnH200()
    {
        foreach (var (name, newTokens) in new[] { ("Qwen3-1.7B-Base", 8192), ("Qwen3-4B-Base", 12288) })
        {
            var c = Qwen3Config.Load(Path.Combine(FixtureModels.Dir("published-configs"), name, "config.json"));
            var s = PlanFormulaTests.Inputs(c, 2) with { MaxNewTokens = newTokens, PromptTokens = 1024, GradientCheckpointing = true, GradientFeatures = true };
            var plan = PlanFormulaTests.PlanAuto(s, PlanFormulaTests.Gb(141));
            Assert.True(plan.Fits, name);
            Assert.True(plan.MaxNumSeqs >= 16, $"{name}: {plan.MaxNumSeqs} slots");
            Assert.True(plan.MaxTokensPerMicroBatch >= s.RowTokens);
        }
    }
}
