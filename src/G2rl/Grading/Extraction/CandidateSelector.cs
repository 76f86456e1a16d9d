using G2rl.Grading.Parsing;

namespace G2rl.Grading.Extraction;

/// <summary>
/// Picks the answer among the candidates as Math-Verify does: priority groups in increasing order; within a
/// group the candidate that ends last (then starts first) is tried first; the first that parses wins. When
/// none parses, the first candidate tried is the answer as text. At most <see cref="MaxAttempts"/> parses,
/// all under one extraction budget, so extraction is bounded whatever the response.
/// </summary>
internal static class CandidateSelector
{
    public const int MaxAttempts = 32;

    public static string? Select(IEnumerable<Candidate> candidates, Budget budget)
    {
        string? fallback = null;
        var attempts = 0;
        foreach (var group in candidates.GroupBy(c => c.Priority).OrderBy(g => g.Key))
        {
            foreach (var candidate in group.OrderByDescending(c => c.End).ThenBy(c => c.Start))
            {
                var text = AnswerCleaner.Clean(candidate.Text);
                if (text.Length == 0)
                {
                    continue;
                }
                fallback ??= text;
                if (attempts++ >= MaxAttempts)
                {
                    return fallback;
                }
                if (Parses(text, budget))
                {
                    return text;
                }
            }
        }
        return fallback;
    }

    private static bool Parses(string text, Budget budget)
    {
        try
        {
            return AnswerParser.Parse(text, budget) is not null;
        }
        catch (ParseException)
        {
            return false;
        }
    }
}
