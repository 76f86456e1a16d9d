namespace G2rl.Grading;

/// <summary>Strips what surrounds an answer string: white space, math delimiters ($, \( \), \[ \]) and a final period.</summary>
internal static class AnswerCleaner
{
    public static string Clean(string answer)
    {
        var s = answer.Trim();
        while (true)
        {
            var before = s;
            s = s.TrimEnd('.', ',', ';').Trim();
            s = StripPair(s, "$$", "$$");
            s = StripPair(s, "$", "$");
            s = StripPair(s, "\\(", "\\)");
            s = StripPair(s, "\\[", "\\]");
            if (s == before)
            {
                return s;
            }
        }
    }

    private static string StripPair(string s, string open, string close) =>
        s.Length >= open.Length + close.Length && s.StartsWith(open, StringComparison.Ordinal) && s.EndsWith(close, StringComparison.Ordinal)
            ? s[open.Length..^close.Length].Trim()
            : s;
}
