using System.Text.RegularExpressions;

namespace G2rl.Grading;

/// <summary>
/// Strips what surrounds an answer string: white space, math delimiters ($, \( \), \[ \]) and a final period;
/// and rewrites a few spellings: "14{,}916" (braced thousands comma) is 14916, a trailing "pct" / "percent"
/// is "\%", "\quadx" is "\quad x".
/// </summary>
internal static class AnswerCleaner
{
    private static readonly Regex BracedComma = new(@"(?<=\d)\s*\{\s*,\s*\}\s*(?=\d)", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    private static readonly Regex PercentWord = new(@"(?<=[\d}])\s*(?:pct|percent|percentage)\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));
    private static readonly Regex GluedQuad = new(@"\\(q?quad)(?=[A-Za-z])", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    public static string Clean(string answer)
    {
        var s = answer.Trim();
        if (s.Length <= Parsing.AnswerParser.MaxLength)
        {
            s = BracedComma.Replace(s, "");
            s = PercentWord.Replace(s, "\\%");
            s = GluedQuad.Replace(s, "\\$1 ");
        }
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
