namespace G2rl.Tokenization;

/// <summary>
/// Finds added tokens in text, leftmost-longest first (the matching of Hugging Face's added vocabulary), and
/// splits the text into added tokens and the plain pieces between them.
/// </summary>
internal sealed class AddedTokenMatcher
{
    private readonly Dictionary<char, AddedToken[]> byFirstChar;

    public AddedTokenMatcher(IEnumerable<AddedToken> tokens)
    {
        byFirstChar = tokens
            .Where(t => t.Content.Length > 0)
            .GroupBy(t => t.Content[0])
            .ToDictionary(g => g.Key, g => g.OrderByDescending(t => t.Content.Length).ToArray());
    }

    /// <summary>The pieces of <paramref name="text"/> in order; together they cover it exactly.</summary>
    public List<TextPiece> Split(string text)
    {
        var pieces = new List<TextPiece>();
        var plainStart = 0;
        var i = 0;
        while (i < text.Length)
        {
            var match = byFirstChar.Count == 0 ? null : MatchAt(text, i);
            if (match is null)
            {
                i++;
                continue;
            }
            if (i > plainStart)
            {
                pieces.Add(new TextPiece(plainStart, i - plainStart, null));
            }
            pieces.Add(new TextPiece(i, match.Content.Length, match.Id));
            i += match.Content.Length;
            plainStart = i;
        }
        if (text.Length > plainStart)
        {
            pieces.Add(new TextPiece(plainStart, text.Length - plainStart, null));
        }
        return pieces;
    }

    private AddedToken? MatchAt(string text, int start)
    {
        if (!byFirstChar.TryGetValue(text[start], out var candidates))
        {
            return null;
        }
        foreach (var candidate in candidates)
        {
            if (text.AsSpan(start).StartsWith(candidate.Content, StringComparison.Ordinal))
            {
                return candidate;
            }
        }
        return null;
    }
}
