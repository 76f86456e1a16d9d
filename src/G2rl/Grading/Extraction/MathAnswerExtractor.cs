namespace G2rl.Grading.Extraction;

/// <summary>
/// The answer of a math response, in Math-Verify's order of preference (lower priority first):
/// the last box and "final answer is X. I hope" (0); "final answer ... is X" (50); "answer: X" (100);
/// "answer ... X" (200); the last math span ($...$, $$...$$, \(...\), \[...\], \frac{a}{b}) or plain number /
/// arithmetic (300); finally a short response that is itself an expression (400).
/// </summary>
internal static class MathAnswerExtractor
{
    public const int BoxPriority = 0;
    public const int PlainPriority = 300;
    public const int WholePriority = 400;

    /// <summary>Longest response tried as a whole expression.</summary>
    public const int MaxWholeLength = 200;

    /// <summary>Time allowed to pick the answer (separate from the comparison budget).</summary>
    public static readonly TimeSpan ExtractionBudget = TimeSpan.FromMilliseconds(500);

    public static string? Extract(string response)
    {
        var text = DoubledBackslashes.Collapse(response);
        var candidates = new List<Candidate>();
        if (BoxedExtractor.Answer(text, BoxPriority) is { } box)
        {
            candidates.Add(box);
        }
        var chains = new EnvironmentChains(text, EnvironmentScanner.Scan(text));
        candidates.AddRange(AnchorScanner.Scan(text, chains));
        var spans = new List<(int First, int Last)>();
        for (var k = 0; k < chains.Environments.Count; k++)
        {
            var last = chains.ChainEnd(k);
            spans.Add((k, last));
            k = last;
        }
        foreach (var (first, last) in spans.TakeLast(PlainNumberScanner.MaxKept))
        {
            candidates.AddRange(chains.Candidates(first, last, chains.Environments[first].Start, chains.Environments[last].End, PlainPriority));
        }
        candidates.AddRange(PlainNumberScanner.Scan(text, PlainPriority));
        var trimmed = text.Trim();
        if (trimmed.Length is > 0 and <= MaxWholeLength && !trimmed.Contains('\n') && LooksLikeExpression(trimmed))
        {
            candidates.Add(new Candidate(0, text.Length, trimmed, WholePriority));
        }
        return CandidateSelector.Select(candidates, new Budget(ExtractionBudget));
    }

    /// <summary>No box and no two letters in a row outside a command name ("x^2+1", "\\sqrt{2}"; not "I give up", "QX7B").</summary>
    private static bool LooksLikeExpression(string s)
    {
        if (s.Contains("\\boxed", StringComparison.Ordinal) || s.Contains("\\fbox", StringComparison.Ordinal))
        {
            return false;
        }
        var run = 0;
        var command = false;
        foreach (var c in s)
        {
            if (char.IsLetter(c))
            {
                run++;
                if (run >= 2 && !command)
                {
                    return false;
                }
            }
            else
            {
                command = c == '\\';
                run = 0;
            }
        }
        return true;
    }
}
