using G2rl.Rl;
using G2rl.Sampling;
using G2rl.Tests.Support;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace G2rl.Tests.Model;

/// <summary>Logits, hidden states, log-probs and greedy tokens equal transformers' on the fixture models.</summary>
public sealed class ParityTests(ITestOutputHelper output)
{
    private const double Tolerance = 1e-4;

    public static TheoryData<string, string> Models => new()
    {
        { "tiny-qwen3-tied", "tiny-qwen3-tied" },
        { "tiny-qwen3-untied", "tiny-qwen3-untied" },
        { "tiny-qwen3-untied-sharded", "tiny-qwen3-untied" },
    };

    [Theory]
    [MemberData(nameof(Models))]
    public void LogitsAndHiddenMatchTransformersAtEveryRealPosition(string model, string expectedFrom)
    {
        using var scope = NewDisposeScope();
        using var m = FixtureModels.Load(model);
        var e = FixtureModels.LoadExpected(expectedFrom);
        var (logits, hidden) = m.Forward(e.InputIds, e.AttentionMask, returnHidden: true);
        var real = e.AttentionMask.to(ScalarType.Bool);
        var logitDiff = MaxAbsDiff(logits, e.Logits, real);
        var hiddenDiff = MaxAbsDiff(hidden!, e.FinalHidden, real);
        output.WriteLine($"{model}: max |Δ logits| = {logitDiff:E3}, max |Δ final hidden| = {hiddenDiff:E3}");
        Assert.True(logitDiff <= Tolerance, $"logits differ by {logitDiff}");
        Assert.True(hiddenDiff <= Tolerance, $"hidden differ by {hiddenDiff}");
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void TokenLogprobsMatchTransformers(string model, string expectedFrom)
    {
        using var scope = NewDisposeScope();
        using var m = FixtureModels.Load(model);
        var e = FixtureModels.LoadExpected(expectedFrom);
        using var noGrad = torch.no_grad();
        var (_, hidden) = m.Forward(e.InputIds, e.AttentionMask, returnHidden: true);
        var mask = e.AttentionMask;
        var targets = (mask.narrow(1, 0, 11) * mask.narrow(1, 1, 11)).to(ScalarType.Bool);
        var (logp, _) = TokenLogProbs.Compute(hidden!, m.LmHeadWeight, e.InputIds, targets, chunkSize: 5);
        var diff = MaxAbsDiff(logp, e.TokenLogprobs, targets);
        output.WriteLine($"{model}: max |Δ token logprobs| = {diff:E3}");
        Assert.True(diff <= Tolerance, $"token logprobs differ by {diff}");
    }

    [Theory]
    [InlineData("tiny-qwen3-tied-bf16", "tiny-qwen3-tied")]
    [InlineData("tiny-qwen3-untied-bf16", "tiny-qwen3-untied")]
    public void Bf16CheckpointUpcastMatchesTransformers(string model, string expectedFrom)
    {
        using var scope = NewDisposeScope();
        using var m = FixtureModels.Load(model, ScalarType.Float32);
        var e = FixtureModels.LoadExpected(expectedFrom);
        var (logits, _) = m.Forward(e.InputIds, e.AttentionMask);
        var diff = MaxAbsDiff(logits, e.LogitsFromBf16, e.AttentionMask.to(ScalarType.Bool));
        output.WriteLine($"{model}: max |Δ logits vs logits_from_bf16_weights| = {diff:E3}");
        Assert.True(diff <= Tolerance, $"bf16 logits differ by {diff}");
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void GreedySixteenTokensEqualTransformersGenerate(string model, string expectedFrom)
    {
        using var scope = NewDisposeScope();
        using var m = FixtureModels.Load(model);
        var e = FixtureModels.LoadExpected(expectedFrom);
        var tokens = NaiveGreedyDecoder.Generate(m, e.InputIds, e.AttentionMask, 16);
        Assert.Equal(e.Greedy16.data<long>().ToArray(), tokens.data<long>().ToArray());
    }

    /// <summary>max |a − b| over the positions where <paramref name="where"/> [B, T] is true (trailing dims included).</summary>
    internal static double MaxAbsDiff(Tensor a, Tensor b, Tensor where)
    {
        using var scope = NewDisposeScope();
        var d = (a.to(ScalarType.Float64) - b.to(ScalarType.Float64)).abs();
        while (d.dim() > where.dim())
        {
            d = d.amax([-1]);
        }
        return d.masked_select(where).max().item<double>();
    }
}
