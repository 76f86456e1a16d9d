using G2rl.Model;
using G2rl.Rl;
using G2rl.Tests.Support;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace G2rl.Tests.Model;

/// <summary>
/// The unmasked pass over right-padded rows (SDPA is_causal, K/V repeated for GQA) equals the masked pass over the same rows
/// left-padded (the path training used before), in log-probs and in every parameter gradient, and matches transformers.
/// Both fixtures have 4 query heads on 2 KV heads (GQA, group 2).
/// </summary>
public sealed class CausalPassTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("tiny-qwen3-tied")]
    [InlineData("tiny-qwen3-untied")]
    public void RightPaddedCausalLogProbsMatchTransformers(string name)
    {
        using var scope = NewDisposeScope();
        using var model = FixtureModels.Load(name);
        Assert.True(model.Config.NumAttentionHeads > model.Config.NumKeyValueHeads, "the fixture should exercise GQA");
        var e = FixtureModels.LoadExpected(name);
        var rows = Rows(e.InputIds, e.AttentionMask);
        var (ids, _) = RightPadded(rows, e.InputIds.shape[1]);
        using var noGrad = torch.no_grad();
        var hidden = model.HiddenCausal(ids);
        var targets = RightTargets(rows, ids.shape[1]);
        var (logp, _) = TokenLogProbs.Compute(hidden, model.LmHeadWeight, ids, targets);
        var expected = e.TokenLogprobs;
        var t = e.InputIds.shape[1];
        double max = 0;
        for (var r = 0; r < rows.Count; r++)
        {
            var offset = t - rows[r].Length;
            for (var j = 1; j < rows[r].Length; j++)
            {
                max = Math.Max(max, Math.Abs(logp[r, j - 1].item<float>() - expected[r, offset + j - 1].item<float>()));
            }
        }
        output.WriteLine($"{name}: max |Δ token logprobs| causal right-padded vs transformers = {max:E3}");
        Assert.True(max <= 1e-4, $"differs by {max}");
    }

    [Theory]
    [InlineData("tiny-qwen3-tied", false)]
    [InlineData("tiny-qwen3-untied", false)]
    [InlineData("tiny-qwen3-tied", true)]
    public void CausalPassEqualsMaskedLeftPaddedPassInLogProbsAndGradients(string name, bool checkpointing)
    {
        using var scope = NewDisposeScope();
        using var model = FixtureModels.Load(name);
        model.Backbone.GradientCheckpointing = checkpointing;
        var gen = new Generator(17);
        int[] lengths = [12, 5, 9, 2, 7];
        var rows = lengths.Select(n => torch.randint(3, model.Config.VocabSize, [n], generator: gen).data<long>().ToArray()).ToList();
        var width = lengths.Max();
        var weights = torch.randn([rows.Count, width - 1], generator: gen);

        // Masked reference: left padding, position ids counting real tokens, additive causal mask.
        var (leftIds, leftMask) = LeftPadded(rows, width);
        var leftTargets = LeftTargets(rows, width);
        var hidden = model.Hidden(leftIds, AttentionMasks.PositionIds(leftMask), AttentionMasks.Causal(leftMask, 0, width, model.DType));
        var (leftLogp, _) = TokenLogProbs.Compute(hidden, model.LmHeadWeight, leftIds, leftTargets, chunkSize: 7);
        var leftAligned = LeftToRight(leftLogp, rows, width);
        (leftAligned * weights).sum().backward();
        var reference = model.named_parameters().ToDictionary(p => p.name, p => p.parameter.grad!.clone());
        foreach (var p in model.parameters())
        {
            p.grad!.zero_();
        }

        var (rightIds, _) = RightPadded(rows, width);
        var rightHidden = model.HiddenCausal(rightIds);
        var (rightLogp, _) = TokenLogProbs.Compute(rightHidden, model.LmHeadWeight, rightIds, RightTargets(rows, width), chunkSize: 7);
        (rightLogp * weights).sum().backward();

        var logpDiff = (rightLogp - leftAligned).abs().max().item<float>();
        double gradDiff = 0;
        foreach (var (n, p) in model.named_parameters())
        {
            Assert.True(reference[n].abs().sum().item<float>() > 0, $"{n} has no gradient");
            gradDiff = Math.Max(gradDiff, (p.grad! - reference[n]).abs().max().item<float>());
        }
        output.WriteLine($"{name} (checkpointing {checkpointing}): max |Δ log-prob| {logpDiff:E3}, max |Δ grad| {gradDiff:E3}");
        Assert.True(logpDiff < 1e-5, $"log-probs differ by {logpDiff}");
        Assert.True(gradDiff < 1e-5, $"gradients differ by {gradDiff}");
    }

    [Fact]
    public void ACachedPassWithoutAMaskIsRejected()
    {
        using var scope = NewDisposeScope();
        using var model = FixtureModels.Load("tiny-qwen3-tied");
        using var cache = new KvCache(model.Config, 1, 4, model.DType, model.Device);
        var ids = torch.tensor(new long[] { 5, 6 }).unsqueeze(0);
        Assert.Throws<ArgumentException>(() => model.Backbone.Forward(ids, torch.arange(2).unsqueeze(0), null, cache, 0));
    }

    private static List<long[]> Rows(Tensor ids, Tensor mask)
    {
        var result = new List<long[]>();
        for (var r = 0; r < ids.shape[0]; r++)
        {
            var real = mask[r].to(ScalarType.Bool);
            result.Add(ids[r].masked_select(real).data<long>().ToArray());
        }
        return result;
    }

    private static (Tensor Ids, Tensor Mask) RightPadded(List<long[]> rows, long width) => Padded(rows, width, left: false);

    private static (Tensor Ids, Tensor Mask) LeftPadded(List<long[]> rows, long width) => Padded(rows, width, left: true);

    private static (Tensor Ids, Tensor Mask) Padded(List<long[]> rows, long width, bool left)
    {
        var ids = new long[rows.Count * width];
        var mask = new long[rows.Count * width];
        for (var r = 0; r < rows.Count; r++)
        {
            var offset = left ? width - rows[r].Length : 0;
            for (var j = 0; j < rows[r].Length; j++)
            {
                ids[(r * width) + offset + j] = rows[r][j];
                mask[(r * width) + offset + j] = 1;
            }
        }
        return (torch.tensor(ids, [rows.Count, width]), torch.tensor(mask, [rows.Count, width]));
    }

    /// <summary>[N, W−1]: every token after the first of each row, right-padded layout.</summary>
    private static Tensor RightTargets(List<long[]> rows, long width)
    {
        var t = new float[rows.Count * (width - 1)];
        for (var r = 0; r < rows.Count; r++)
        {
            for (var j = 1; j < rows[r].Length; j++)
            {
                t[(r * (width - 1)) + j - 1] = 1;
            }
        }
        return torch.tensor(t, [rows.Count, width - 1]);
    }

    private static Tensor LeftTargets(List<long[]> rows, long width)
    {
        var t = new float[rows.Count * (width - 1)];
        for (var r = 0; r < rows.Count; r++)
        {
            var offset = width - rows[r].Length;
            for (var j = 1; j < rows[r].Length; j++)
            {
                t[(r * (width - 1)) + offset + j - 1] = 1;
            }
        }
        return torch.tensor(t, [rows.Count, width - 1]);
    }

    /// <summary>Moves left-padded targets [N, W−1] to the right-padded columns (differentiably, by gather).</summary>
    private static Tensor LeftToRight(Tensor left, List<long[]> rows, long width)
    {
        var index = new long[rows.Count * (width - 1)];
        var keep = new float[rows.Count * (width - 1)];
        for (var r = 0; r < rows.Count; r++)
        {
            var offset = width - rows[r].Length;
            for (var c = 0; c < width - 1; c++)
            {
                var source = offset + c;
                var inside = c < rows[r].Length - 1;
                index[(r * (width - 1)) + c] = inside ? source : 0;
                keep[(r * (width - 1)) + c] = inside ? 1 : 0;
            }
        }
        return left.gather(1, torch.tensor(index, [rows.Count, width - 1])) * torch.tensor(keep, [rows.Count, width - 1]);
    }
}
