using G2rl.Rl;
using G2rl.Tests.Support;
using G2rl.Training;
using G2rl.Training.Config;

namespace G2rl.Tests.Training;

/// <summary>The keys of the DAPO/GSPO options, rewards and log sections: parsing, defaults (all off) and validation.</summary>
public sealed class ObjectiveConfigTests : IDisposable
{
    private const string AllKeys = """
        model: {path: m}
        rollout:
          max_new_tokens: 100
          dynamic_sampling: {metric: reward, max_batches: 5}
        loss: {mask_truncated: true, importance_sampling: sequence, top_entropy_quantile: 0.2, scale_rewards: batch}
        reward:
          overlong_buffer: {length: 20, penalty: 0.5}
        rewards:
          - {name: verifier, weight: 1}
          - {name: format, weight: 0.1}
        log: {completions_every: 5, print_group: true}
        """;

    private readonly TempDir temp = new();

    public void Dispose() => temp.Dispose();

    private string Write(string name, string text)
    {
        var path = temp.Sub(name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void EveryNewKeyParses()
    {
        var c = ConfigLoader.Load(Write("a.yaml", AllKeys));
        Assert.Equal(("reward", 5), (c.Rollout.DynamicSampling!.Metric, c.Rollout.DynamicSampling.MaxBatches));
        Assert.Equal((true, "sequence", 0.2, "batch"), (c.Loss.MaskTruncated, c.Loss.ImportanceSampling, c.Loss.TopEntropyQuantile, c.Loss.ScaleRewards));
        Assert.Equal((20, 0.5), (c.Reward.OverlongBuffer!.Length, c.Reward.OverlongBuffer.Penalty));
        Assert.Equal([("verifier", 1.0), ("format", 0.1)], c.Rewards.Select(r => (r.Name, r.Weight)));
        Assert.Equal((5, true), (c.Log.CompletionsEvery, c.Log.PrintGroup));
        Assert.Equal(new ObjectiveOptions(RewardScaling.Batch, ImportanceSampling.Sequence, true, 0.2), ObjectiveOptions.From(c));
        Assert.Contains("\"overlong_buffer\"", ConfigLoader.ToJson(c), StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultsLeaveEveryOptionOffAndTheVerifierAsTheOnlyReward()
    {
        var c = ConfigLoader.Load(Write("d.yaml", "model: {path: m}\n"));
        Assert.Null(c.Rollout.DynamicSampling);
        Assert.Null(c.Reward.OverlongBuffer);
        Assert.Equal(new ObjectiveOptions(RewardScaling.Group, ImportanceSampling.Token, false, 1.0), ObjectiveOptions.From(c));
        Assert.Equal([("verifier", 1.0)], c.Rewards.Select(r => (r.Name, r.Weight)));
        Assert.Equal((1, false), (c.Log.CompletionsEvery, c.Log.PrintGroup));
    }

    [Theory]
    [InlineData("grpo", null, RewardScaling.Group)]
    [InlineData("dr_grpo", null, RewardScaling.None)]
    [InlineData("rloo", null, RewardScaling.None)]
    [InlineData("grpo", "none", RewardScaling.None)]
    [InlineData("rloo", "group", RewardScaling.Group)]
    public void ScaleRewardsFollowsTheAdvantageUnlessSet(string advantage, string? scale, RewardScaling expected)
    {
        var c = new TrainConfig { Loss = new LossSection { Advantage = advantage, ScaleRewards = scale } };
        Assert.Equal(expected, ObjectiveOptions.From(c).Scaling);
    }

    [Theory]
    [InlineData("loss.scale_rewards=batch", "loss.scale_rewards", "loss.advantage=dr_grpo")]
    [InlineData("loss.scale_rewards=std", "loss.scale_rewards")]
    [InlineData("loss.importance_sampling=word", "loss.importance_sampling")]
    [InlineData("loss.top_entropy_quantile=0", "loss.top_entropy_quantile")]
    [InlineData("loss.top_entropy_quantile=1.5", "loss.top_entropy_quantile")]
    [InlineData("rollout.dynamic_sampling={\"metric\": \"loss\"}", "rollout.dynamic_sampling.metric")]
    [InlineData("rollout.dynamic_sampling={\"max_batches\": 0}", "rollout.dynamic_sampling.max_batches")]
    [InlineData("reward.overlong_buffer={\"length\": 200}", "reward.overlong_buffer.length", "rollout.max_new_tokens=100")]
    [InlineData("reward.overlong_buffer={\"length\": 10, \"penalty\": -1}", "reward.overlong_buffer.penalty")]
    [InlineData("log.completions_every=-1", "log.completions_every")]
    [InlineData("rewards=[]", "rewards")]
    [InlineData("rewards=[{\"name\": \"format\"}, {\"name\": \"format\"}]", "rewards")]
    public void InvalidValuesNameTheKey(string set, string key, string? extra = null)
    {
        string[] overrides = extra is null ? [set] : [set, extra];
        var ex = Assert.Throws<G2rlException>(() => ConfigLoader.Load(Write("i.yaml", "model: {path: m}\n"), overrides));
        Assert.Contains(key, ex.Message, StringComparison.Ordinal);
    }
}
