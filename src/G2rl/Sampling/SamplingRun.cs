using G2rl.Tokenization;

namespace G2rl.Sampling;

/// <summary>The host side of one sampler call: every output row's tokens, log-probs and finish reason, and the stop rules.</summary>
internal sealed class SamplingRun(IReadOnlyList<IReadOnlyList<int>> prompts, int groupSize, SamplingOptions options, ITextTokenizer? tokenizer)
{
    private readonly List<int>[] responses = [.. Enumerable.Range(0, prompts.Count * groupSize).Select(_ => new List<int>())];
    private readonly List<float>[] logProbs = [.. Enumerable.Range(0, prompts.Count * groupSize).Select(_ => new List<float>())];
    private readonly FinishReason?[] finish = new FinishReason?[prompts.Count * groupSize];
    private readonly StopChecker stop = new(options, tokenizer);

    public IReadOnlyList<IReadOnlyList<int>> Prompts => prompts;

    public int GroupSize => groupSize;

    /// <summary>Output rows (prompts × group size).</summary>
    public int Rows => responses.Length;

    /// <summary>Response tokens of row <paramref name="row"/> so far.</summary>
    public int Length(int row) => responses[row].Count;

    /// <summary>Appends a chosen token; returns true when the row has finished.</summary>
    public bool Append(int row, int token, float logProb)
    {
        if (finish[row] is not null)
        {
            throw new InvalidOperationException($"row {row} already finished");
        }
        responses[row].Add(token);
        logProbs[row].Add(logProb);
        finish[row] = stop.Check(responses[row]);
        return finish[row] is not null;
    }

    /// <summary>The sequences in output-row order.</summary>
    public List<SampledSequence> Assemble(IReadOnlyList<IReadOnlyList<int>> promptIds, int group)
    {
        var result = new List<SampledSequence>(responses.Length);
        for (var r = 0; r < responses.Length; r++)
        {
            var text = tokenizer?.Decode(responses[r], skipSpecialTokens: true) ?? string.Empty;
            result.Add(new SampledSequence(r / group, promptIds[r / group], responses[r], logProbs[r], finish[r] ?? FinishReason.Length, text));
        }
        return result;
    }
}
