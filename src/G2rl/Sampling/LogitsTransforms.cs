using TorchSharp;
using static TorchSharp.torch;

namespace G2rl.Sampling;

/// <summary>Temperature, top-k, top-p and min-p on float32 logits [R, V]; removed tokens get −∞. Each keeps ≥ 1 token per row.</summary>
public static class LogitsTransforms
{
    /// <summary>Applies temperature then top-k, top-p and min-p as configured; returns new logits [R, V] float32.</summary>
    public static Tensor Apply(Tensor logits, SamplingOptions options)
    {
        using var scope = NewDisposeScope();
        var z = logits.to(ScalarType.Float32);
        if (options.Temperature > 0 && options.Temperature != 1.0)
        {
            z = z / options.Temperature;
        }
        if (options.TopK > 0)
        {
            z = TopK(z, options.TopK);
        }
        if (options.TopP < 1.0)
        {
            z = TopP(z, options.TopP);
        }
        if (options.MinP > 0)
        {
            z = MinP(z, options.MinP);
        }
        return z.MoveToOuterDisposeScope();
    }

    /// <summary>Keeps tokens whose logit is ≥ the k-th largest in their row (ties with the k-th are kept).</summary>
    public static Tensor TopK(Tensor logits, int k)
    {
        using var scope = NewDisposeScope();
        var kk = Math.Min(k, (int)logits.shape[^1]);
        var kth = logits.topk(kk, -1).values.narrow(-1, kk - 1, 1);
        return logits.masked_fill(logits.lt(kth), double.NegativeInfinity).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Keeps the smallest set of most likely tokens whose probability mass reaches <paramref name="p"/>: a token is kept
    /// when the mass of the tokens ranked before it is below p (so the top token is always kept). Equal probabilities
    /// are ranked by lower token id first (stable sort).
    /// </summary>
    public static Tensor TopP(Tensor logits, double p)
    {
        using var scope = NewDisposeScope();
        var (sorted, order) = logits.sort(-1, descending: true, stable: true);
        var probs = sorted.softmax(-1);
        var before = probs.cumsum(-1) - probs;
        var removeSorted = before.ge(p);
        var remove = torch.zeros_like(removeSorted).scatter(-1, order, removeSorted);
        return logits.masked_fill(remove, double.NegativeInfinity).MoveToOuterDisposeScope();
    }

    /// <summary>Keeps tokens with probability ≥ <paramref name="minP"/> × the row's largest probability.</summary>
    public static Tensor MinP(Tensor logits, double minP)
    {
        using var scope = NewDisposeScope();
        var probs = logits.softmax(-1);
        var threshold = probs.amax([-1], keepdim: true) * minP;
        return logits.masked_fill(probs.lt(threshold), double.NegativeInfinity).MoveToOuterDisposeScope();
    }
}
