using G2rl.Grading.Extraction;

namespace G2rl.Grading;

/// <summary>
/// Pulls the final answer out of a model response. Math: see <see cref="MathAnswerExtractor"/> (boxes, "final
/// answer is", "answer:", the last math span or plain number, in Math-Verify's order). Choice: the chosen
/// letter A–J. Null when nothing can be extracted. Bounded: linear scans plus a capped number of parses.
/// </summary>
public static class AnswerExtractor
{
    public static string? Extract(string response, AnswerKind kind)
    {
        try
        {
            if (string.IsNullOrWhiteSpace(response))
            {
                return null;
            }
            var answer = kind == AnswerKind.Choice ? ChoiceExtractor.Extract(response) : MathAnswerExtractor.Extract(response);
            return string.IsNullOrWhiteSpace(answer) ? null : answer.Trim();
        }
        catch (Exception)
        {
            return null;
        }
    }

    /// <summary>
    /// The gold answer to compare with: a gold written like a response (with a box, math delimiters or a
    /// solution around it) goes through the same extraction; a bare answer is kept, except that a lone plain
    /// number is normalised as in responses ("1,22" is 1.22, "7,425,000" is 7425000).
    /// </summary>
    public static string? ExtractGold(string gold)
    {
        try
        {
            if (HasMathMarkup(gold))
            {
                return MathAnswerExtractor.Extract(gold) ?? gold;
            }
            return PlainNumberScanner.WholeNumber(gold) is { } number && DecimalCommaReading(gold) is null ? number : gold;
        }
        catch (Exception)
        {
            return gold;
        }
    }

    /// <summary>
    /// "1,22" or "-2,1" as a bare gold: a list in MATH-style data but a decimal comma in Math-Verify's reading.
    /// Returns the decimal reading ("1.22"); the grader accepts either. Null for other golds.
    /// </summary>
    public static string? DecimalCommaReading(string gold)
    {
        var s = gold.Trim();
        var comma = s.IndexOf(',');
        if (comma < 0 || s.IndexOf(',', comma + 1) >= 0 || HasMathMarkup(s))
        {
            return null;
        }
        return PlainNumberScanner.WholeNumber(s) is { } number && number.Contains('.') && !s.Contains('.') ? number : null;
    }

    private static bool HasMathMarkup(string s)
    {
        if (s.Contains("\\boxed", StringComparison.Ordinal) || s.Contains("\\fbox", StringComparison.Ordinal)
            || s.Contains("\\(", StringComparison.Ordinal) || s.Contains("\\[", StringComparison.Ordinal))
        {
            return true;
        }
        for (var i = s.IndexOf('$'); i >= 0; i = s.IndexOf('$', i + 1))
        {
            if (i == 0 || s[i - 1] != '\\')
            {
                return true;
            }
        }
        return false;
    }
}
