using G2rl.Tokenization;

namespace G2rl.Sampling;

/// <summary>Per-row stopping rules: EOS ids, stop token sequences, stop strings (decoded tail), and the length limit.</summary>
internal sealed class StopChecker(SamplingOptions options, ITextTokenizer? tokenizer)
{
    private readonly HashSet<int> eos = [.. options.EosTokenIds];
    private readonly int tailTokens = Math.Max(8, options.StopStrings.Count == 0 ? 0 : options.StopStrings.Max(s => s.Length) + 4);

    /// <summary>Whether a row whose response is <paramref name="response"/> (newest token last) must stop, and why.</summary>
    public FinishReason? Check(IReadOnlyList<int> response)
    {
        var last = response[^1];
        if (eos.Contains(last))
        {
            return FinishReason.Eos;
        }
        foreach (var seq in options.StopTokenSequences)
        {
            if (EndsWith(response, seq))
            {
                return FinishReason.Stop;
            }
        }
        if (options.StopStrings.Count > 0)
        {
            if (tokenizer is null)
            {
                throw new G2rlException("stop strings need a tokenizer to decode the response");
            }
            var tail = tokenizer.Decode(response.Skip(Math.Max(0, response.Count - tailTokens)));
            if (options.StopStrings.Any(s => tail.Contains(s, StringComparison.Ordinal)))
            {
                return FinishReason.Stop;
            }
        }
        return response.Count >= options.MaxNewTokens ? FinishReason.Length : null;
    }

    private static bool EndsWith(IReadOnlyList<int> response, IReadOnlyList<int> seq)
    {
        if (seq.Count > response.Count)
        {
            return false;
        }
        for (var i = 0; i < seq.Count; i++)
        {
            if (response[response.Count - seq.Count + i] != seq[i])
            {
                return false;
            }
        }
        return true;
    }
}
