using G2rl.Data;
using G2rl.Grading;
using G2rl.Rewards;
using G2rl.Sampling;
using G2rl.Training.Config;

namespace G2rl.Tests.Rewards;

/// <summary>The built-in reward functions, their weighted combination and the registry.</summary>
public sealed class RewardFunctionTests
{
    private static readonly Problem Problem = new("p0", "1+1=?", "2", AnswerKind.Math, null, "test");

    private static RewardInput Input(string text, bool correct, int tokens = 4, FinishReason finish = FinishReason.Eos) =>
        new(Problem, text, [.. Enumerable.Range(0, tokens)], finish, new GradeResult(correct, correct ? "2" : null));

    [Fact]
    public void BuiltInsScoreByHand()
    {
        Assert.Equal(1.0, new VerifierReward(true).Score(Input("x", true)).Value);
        Assert.Equal(-1.0, new VerifierReward(true).Score(Input("x", false)).Value);
        Assert.Equal(0.0, new VerifierReward(false).Score(Input("x", false)).Value);
        Assert.Equal(1.0, new FormatReward().Score(Input("so \\boxed{2}.", false)).Value);
        Assert.Equal(0.0, new FormatReward().Score(Input("so \\boxed{2", false)).Value);
        Assert.Equal(0.0, new FormatReward().Score(Input("the answer is 2", false)).Value);
        Assert.Equal(-0.25, new LengthReward(16).Score(Input("x", false, tokens: 4)).Value);
    }

    [Fact]
    public void WeightedRewardSumsTermsAndKeepsTheVerifierTermApart()
    {
        var reward = new WeightedReward([(new VerifierReward(true), 1.0), (new FormatReward(), 0.1), (new Echo(), 2.0)],
            new OverlongBufferSection { Length = 4, Penalty = 1.0 }, maxNewTokens: 8);
        // 6 tokens: inside the buffer (4 < 6 ≤ 8): (4 − 6) / 4 = −0.5. Echo scores 0.25 with a breakdown entry.
        var s = reward.Score(Input("\\boxed{3}", false, tokens: 6));
        Assert.Equal(-1.0, s.Verifier);
        Assert.Equal((0.1 * 1.0) + (2.0 * 0.25) - 0.5, s.Other, 12);
        Assert.Equal(-1.0 + 0.1 + 0.5 - 0.5, s.Total, 12);
        Assert.Equal(-1.0, s.Breakdown["verifier"]);
        Assert.Equal(1.0, s.Breakdown["format"]);
        Assert.Equal(0.25, s.Breakdown["echo"]);
        Assert.Equal(9.0, s.Breakdown["echo/chars"]); // "\\boxed{3}"
        Assert.Equal(-0.5, s.Breakdown["overlong"]);
    }

    [Fact]
    public void TheRegistryResolvesBuiltInsAndCustomRewardsAndNamesUnknownOnes()
    {
        var config = new TrainConfig { Rewards = [new RewardWeight { Name = "verifier" }, new RewardWeight { Name = "echo", Weight = 0.5 }] };
        var registry = new RewardRegistry().Register(new Echo());
        Assert.Equal(["verifier", "format", "length", "echo"], registry.Names);
        Assert.Equal(["verifier", "echo"], WeightedReward.FromConfig(config, registry).Names);
        var error = Assert.Throws<G2rlException>(() => WeightedReward.FromConfig(config, new RewardRegistry()));
        Assert.Contains("rewards[1].name", error.Message, StringComparison.Ordinal);
        Assert.Contains("unknown reward 'echo'", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new RewardRegistry().Register(new Echo()).Register(new Echo()));
        Assert.Throws<ArgumentException>(() => new RewardRegistry().Register("format", _ => new FormatReward()));
    }

    /// <summary>A custom reward: 0.25 always, with the response length in characters as a breakdown entry.</summary>
    private sealed class Echo : IRewardFunction
    {
        public string Name => "echo";

        public RewardScore Score(RewardInput input) => new(0.25, new Dictionary<string, double> { ["chars"] = input.Text.Length });
    }
}
