using System.Buffers;
using System.Text;

namespace G2rl.Tokenization;

/// <summary>
/// Everything that defines a <see cref="CharTokenizer"/>: the token of each id (ids 0..n-1), which ids are added
/// tokens (matched in text before single characters) and which of those are special, and the role tokens.
/// </summary>
internal sealed record CharTokenizerLayout(
    IReadOnlyList<string> Tokens,
    IReadOnlySet<int> AddedIds,
    IReadOnlySet<int> SpecialIds,
    string? PadToken,
    string? EosToken,
    string? BosToken,
    string? UnknownToken,
    int ModelMaxLength)
{
    /// <summary>Specials first (pad, eos, bos, unk, additional), then the alphabet; multi-character entries become added tokens.</summary>
    public static CharTokenizerLayout FromAlphabet(IEnumerable<string> alphabet, CharTokenizerOptions options)
    {
        ArgumentNullException.ThrowIfNull(alphabet);
        ArgumentNullException.ThrowIfNull(options);
        if (options.ModelMaxLength <= 0)
        {
            throw new ArgumentException($"ModelMaxLength must be positive, got {options.ModelMaxLength}", nameof(options));
        }
        var specials = new[] { options.PadToken, options.EosToken, options.BosToken, options.UnknownToken }
            .Concat(options.AdditionalSpecialTokens)
            .OfType<string>()
            .ToList();
        var tokens = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in specials.Concat(alphabet))
        {
            if (string.IsNullOrEmpty(token) || !IsValidText(token))
            {
                throw new ArgumentException($"tokenizer entry {Describe(token)} is empty or not valid UTF-16", nameof(alphabet));
            }
            if (!seen.Add(token))
            {
                throw new ArgumentException($"tokenizer entry {Describe(token)} appears twice", nameof(alphabet));
            }
            tokens.Add(token);
        }
        var specialIds = Enumerable.Range(0, specials.Count).ToHashSet();
        var addedIds = Enumerable.Range(0, tokens.Count).Where(i => specialIds.Contains(i) || ScalarCount(tokens[i]) > 1).ToHashSet();
        return new CharTokenizerLayout(tokens, addedIds, specialIds, options.PadToken, options.EosToken, options.BosToken,
            options.UnknownToken, options.ModelMaxLength);
    }

    /// <summary>Number of Unicode scalar values (a surrogate pair counts once).</summary>
    public static int ScalarCount(string text) => text.EnumerateRunes().Count();

    /// <summary>The entry quoted, with its code points, for error messages.</summary>
    public static string Describe(string? token) => token is null
        ? "null"
        : $"\"{token}\" ({string.Join(' ', token.EnumerateRunes().Select(r => $"U+{r.Value:X4}"))})";

    private static bool IsValidText(string text)
    {
        var span = text.AsSpan();
        while (!span.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(span, out _, out var consumed) != OperationStatus.Done)
            {
                return false;
            }
            span = span[consumed..];
        }
        return true;
    }
}
