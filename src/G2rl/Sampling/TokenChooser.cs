using TorchSharp;
using static TorchSharp.torch;

namespace G2rl.Sampling;

/// <summary>Chooses one token per row from float32 logits [R, V]: argmax, or inverse-CDF sampling with the rows' counter-based uniforms.</summary>
internal static class TokenChooser
{
    /// <summary>
    /// The choice packed for a single device→host copy: [3, R] float64 with row 0 the token ids (exact below 2^53), row 1 their
    /// log-probabilities under the sampling distribution (0 for greedy) and row 2 a finiteness flag (1 when the row's logits were
    /// usable); also the chosen tokens [R] int64 on the device. <paramref name="uniforms"/> gives the rows' [R] float32 draws (not called when greedy).
    /// </summary>
    public static (Tensor Packed, Tensor Tokens) Choose(Tensor logits, SamplingOptions options, Func<Tensor> uniforms)
    {
        using var scope = NewDisposeScope();
        Tensor tokens, logp, finite;
        if (options.Greedy)
        {
            tokens = logits.argmax(-1);
            logp = torch.zeros([logits.shape[0]], ScalarType.Float32, logits.device);
            finite = logits.amax(-1).isfinite();
        }
        else
        {
            var all = LogitsTransforms.Apply(logits, options).log_softmax(-1);
            (tokens, finite) = InverseCdf(all.exp(), uniforms());
            logp = all.gather(1, tokens.unsqueeze(1)).squeeze(1);
        }
        var packed = torch.stack([tokens.to(ScalarType.Float64), logp.to(ScalarType.Float64), finite.to(ScalarType.Float64)]);
        return (packed.MoveToOuterDisposeScope(), tokens.MoveToOuterDisposeScope());
    }

    /// <summary>
    /// Draws one token per row of probs [R, V] by inverse-CDF sampling with uniforms [R] float32 in [0, 1) (cumsum, then binary
    /// search for u · total), which costs a fraction of torch.multinomial on large vocabularies. A zero-probability token is never
    /// drawn. Returns the tokens [R] int64 and whether each row's total mass was finite [R] bool (checked by the caller on the host,
    /// so no step synchronises on it).
    /// </summary>
    internal static (Tensor Tokens, Tensor Finite) InverseCdf(Tensor probs, Tensor uniforms)
    {
        using var scope = NewDisposeScope();
        var cdf = probs.cumsum(-1);
        var total = cdf.narrow(1, cdf.shape[1] - 1, 1);
        var u = uniforms.view(-1, 1).mul(total);
        var index = torch.searchsorted(cdf, u, right: true).squeeze(1).clamp_max(probs.shape[1] - 1);
        return (index.MoveToOuterDisposeScope(), total.squeeze(1).isfinite().MoveToOuterDisposeScope());
    }
}
