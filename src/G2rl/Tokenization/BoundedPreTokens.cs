using Microsoft.ML.Tokenizers;

namespace G2rl.Tokenization;

/// <summary>
/// Keeps BPE work linear in the text length. Microsoft.ML.Tokenizers' BPE is super-linear in the length of one
/// pre-token (a 1 MB single word took 106 s), so a long piece is cut into chunks at the pre-tokenizer's own boundaries
/// (which gives exactly the ids of encoding the piece whole) and a pre-token longer than <see cref="MaxWordChars"/> is
/// cut into pieces of that length (the one deviation from Hugging Face, for words no natural text has).
/// </summary>
internal static class BoundedPreTokens
{
    /// <summary>Longest pre-token encoded as one BPE word; longer ones are cut (never inside a surrogate pair).</summary>
    public const int MaxWordChars = 1024;

    /// <summary>Pieces up to this length go to the BPE whole; longer ones are chunked.</summary>
    public const int MaxChunkChars = 8 * MaxWordChars;

    /// <summary>
    /// Ranges of <paramref name="normalized"/> (already normalized) to encode one by one: consecutive pre-tokens grouped
    /// up to <paramref name="maxChunk"/> characters, each pre-token longer than <paramref name="maxWord"/> cut.
    /// </summary>
    public static IEnumerable<(int Start, int Length)> Chunks(string normalized, PreTokenizer? preTokenizer, int maxWord = MaxWordChars, int maxChunk = MaxChunkChars)
    {
        var words = preTokenizer is null ? [(0, normalized.Length)] : preTokenizer.PreTokenize(normalized);
        int start = 0, end = 0;
        foreach (var (offset, length) in words)
        {
            foreach (var (s, l) in Cut(normalized, offset, length, maxWord))
            {
                if (s != end || end - start + l > maxChunk)
                {
                    if (end > start)
                    {
                        yield return (start, end - start);
                    }
                    start = s;
                }
                end = s + l;
            }
        }
        if (end > start)
        {
            yield return (start, end - start);
        }
    }

    private static IEnumerable<(int Start, int Length)> Cut(string text, int offset, int length, int maxWord)
    {
        var stop = offset + length;
        while (stop - offset > maxWord)
        {
            var cut = offset + maxWord;
            if (char.IsHighSurrogate(text[cut - 1]))
            {
                cut--;
            }
            yield return (offset, cut - offset);
            offset = cut;
        }
        if (stop > offset)
        {
            yield return (offset, stop - offset);
        }
    }
}
