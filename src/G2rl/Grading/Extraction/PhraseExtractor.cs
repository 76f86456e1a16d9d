namespace G2rl.Grading.Extraction;

/// <summary>
/// Fallbacks when there is no box: the text after "final answer is", "the answer is" or "Answer:" (in that
/// order of preference, last occurrence of each), then the last number in the response.
/// </summary>
internal static class PhraseExtractor
{
    private static readonly string[] Phrases = ["final answer is", "the answer is", "answer:"];

    public static string? AfterPhrase(string text)
    {
        foreach (var phrase in Phrases)
        {
            var index = text.LastIndexOf(phrase, StringComparison.OrdinalIgnoreCase);
            if (index >= 0 && TakeAnswer(text, index + phrase.Length) is { Length: > 0 } answer)
            {
                return answer;
            }
        }
        return null;
    }

    /// <summary>The math span or sentence that starts at <paramref name="pos"/>.</summary>
    private static string? TakeAnswer(string text, int pos)
    {
        while (pos < text.Length && (text[pos] is ':' or '*' or ' ' or '\t'))
        {
            pos++;
        }
        foreach (var (open, close) in (ReadOnlySpan<(string, string)>)[("$$", "$$"), ("$", "$"), ("\\(", "\\)"), ("\\[", "\\]")])
        {
            if (string.CompareOrdinal(text, pos, open, 0, open.Length) == 0)
            {
                var end = text.IndexOf(close, pos + open.Length, StringComparison.Ordinal);
                return end < 0 ? null : Tidy(text[(pos + open.Length)..end]);
            }
        }
        var stop = pos;
        while (stop < text.Length && text[stop] != '\n'
            && !(text[stop] == '.' && (stop + 1 == text.Length || char.IsWhiteSpace(text[stop + 1]))))
        {
            stop++;
        }
        return Tidy(text[pos..stop]);
    }

    private static string Tidy(string s) => s.Trim().Trim('*').Trim().TrimEnd('.', ',', ';', ':').Trim();

    /// <summary>The last number: "-3", "2,125", "3.5", "1/2"; null when the text has no digit.</summary>
    public static string? LastNumber(string text)
    {
        var end = text.Length - 1;
        while (end >= 0 && !char.IsAsciiDigit(text[end]))
        {
            end--;
        }
        if (end < 0)
        {
            return null;
        }
        var start = end;
        while (start > 0 && (char.IsAsciiDigit(text[start - 1])
            || (text[start - 1] is '.' or ',' or '/' && start >= 2 && char.IsAsciiDigit(text[start - 2]))))
        {
            start--;
        }
        if (start > 0 && text[start - 1] == '-' && (start < 2 || !char.IsLetterOrDigit(text[start - 2])))
        {
            start--;
        }
        return text[start..(end + 1)];
    }
}
