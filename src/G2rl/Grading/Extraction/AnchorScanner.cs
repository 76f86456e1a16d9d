namespace G2rl.Grading.Extraction;

/// <summary>
/// Answers announced by a phrase, as Math-Verify's anchored patterns: "final answer is X. I hope"
/// (priority 0), "final answer ... is X" (50), "answer: ... X" (100) and "answer ... X" (200), X being a math
/// span or a plain number right after the phrase (spans within 50 characters after "answer").
/// </summary>
internal static class AnchorScanner
{
    public const int FinalAnswerHope = 0;
    public const int FinalAnswerIs = 50;
    public const int AnswerColon = 100;
    public const int AnswerWord = 200;

    /// <summary>Occurrences of each phrase looked at, from the last.</summary>
    public const int MaxOccurrences = 16;

    private const int Window = 50;
    private const int FinalWindow = 100;

    public static List<Candidate> Scan(string text, EnvironmentChains chains)
    {
        var found = new List<Candidate>();
        foreach (var at in Occurrences(text, "final answer is"))
        {
            var pos = SkipSpace(text, Skip(text, at + "final answer is".Length, ':'));
            AddIfHope(text, chains, found, pos, at);
        }
        foreach (var at in Occurrences(text, "final answer"))
        {
            FinalAnswerJustIs(text, chains, found, at);
        }
        foreach (var at in Occurrences(text, "answer"))
        {
            var after = at + "answer".Length;
            var colon = after < text.Length && text[after] == ':';
            var priority = colon ? AnswerColon : AnswerWord;
            var from = colon ? after + 1 : after;
            var k = chains.FirstStartingIn(from, from + Window);
            if (k >= 0)
            {
                var last = chains.ChainEnd(k);
                found.AddRange(chains.Candidates(k, last, at, chains.Environments[last].End, priority));
            }
            if (AfterAnswerNumber(text, from) is { } number)
            {
                found.Add(number with { Start = at, Priority = priority });
            }
            if (NumberWordAfter(text, from) is { } word)
            {
                found.Add(word with { Start = at, Priority = priority });
            }
        }
        return found;
    }

    private static void AddIfHope(string text, EnvironmentChains chains, List<Candidate> found, int pos, int at)
    {
        var k = chains.StartingAt(pos);
        if (k >= 0)
        {
            var last = chains.ChainEnd(k);
            if (FollowedByHope(text, chains.Environments[last].End))
            {
                found.AddRange(chains.Candidates(k, last, at, chains.Environments[last].End, FinalAnswerHope));
            }
        }
        if (NumberAt(text, pos) is { } number && FollowedByHope(text, number.End))
        {
            found.Add(number with { Start = at, Priority = FinalAnswerHope });
        }
    }

    /// <summary>"final answer" then, within 100 characters, " is" and the answer right after it.</summary>
    private static void FinalAnswerJustIs(string text, EnvironmentChains chains, List<Candidate> found, int at)
    {
        var from = at + "final answer".Length;
        var limit = Math.Min(text.Length, from + FinalWindow + 2);
        for (var i = from; i + 2 <= limit; i++)
        {
            if (!(char.IsWhiteSpace(text[i]) && string.CompareOrdinal(text, i + 1, "is", 0, 2) == 0))
            {
                continue;
            }
            var afterIs = Skip(text, i + 3, ':');
            var k = chains.StartingAt(SkipSpace(text, afterIs));
            if (k >= 0)
            {
                var last = chains.ChainEnd(k);
                found.AddRange(chains.Candidates(k, last, at, chains.Environments[last].End, FinalAnswerIs));
                return;
            }
            if (!text.AsSpan(from, i - from).Contains('\n') && afterIs < text.Length && char.IsWhiteSpace(text[afterIs])
                && NumberAt(text, afterIs + 1) is { } number)
            {
                found.Add(number with { Start = at, Priority = FinalAnswerIs });
                return;
            }
        }
    }

    /// <summary>After "answer": the number after the last "= " within 100 characters, else the first number within 50.</summary>
    private static Candidate? AfterAnswerNumber(string text, int from)
    {
        var lineEnd = text.IndexOf('\n', from);
        var limit = lineEnd < 0 ? text.Length : lineEnd;
        for (var i = Math.Min(limit, from + FinalWindow) - 1; i >= from; i--)
        {
            if (text[i] == '=' && i + 1 < limit && char.IsWhiteSpace(text[i + 1])
                && NumberAt(text, SkipSpace(text, i + 1)) is { } afterEquals && !FollowedByEquals(text, afterEquals.End))
            {
                return afterEquals;
            }
        }
        for (var i = from; i < Math.Min(limit, from + Window + 1); i++)
        {
            if ((char.IsAsciiDigit(text[i]) || text[i] is '-' or '.') && NumberAt(text, i) is { } number && !FollowedByEquals(text, number.End))
            {
                return number;
            }
        }
        return null;
    }

    /// <summary>"the answer is five": a number word right after "answer", "answer:" or "answer is" (g2rl's addition).</summary>
    private static Candidate? NumberWordAfter(string text, int from)
    {
        var pos = SkipSpace(text, from);
        if (string.Compare(text, pos, "is", 0, 2, StringComparison.OrdinalIgnoreCase) == 0 && pos + 2 < text.Length && char.IsWhiteSpace(text[pos + 2]))
        {
            pos = SkipSpace(text, pos + 2);
        }
        if (pos < text.Length && char.IsLetter(text[pos]) && Parsing.NumberWords.TryScan(text, pos, out var value, out var end)
            && (end == text.Length || !char.IsLetter(text[end])))
        {
            return new Candidate(pos, end, value.ToString(System.Globalization.CultureInfo.InvariantCulture), 0);
        }
        return null;
    }

    /// <summary>An anchored number or arithmetic expression starting at <paramref name="pos"/>.</summary>
    private static Candidate? NumberAt(string text, int pos)
    {
        if (pos >= text.Length || PlainNumberScanner.AnchoredStart(text, pos) < 0 || (pos > 0 && char.IsAsciiDigit(text[pos - 1])))
        {
            return null;
        }
        var numbers = PlainNumberScanner.Scan(text[pos..Math.Min(text.Length, pos + 200)], 0);
        var atStart = numbers.Where(n => n.Start == 0).OrderByDescending(n => n.End).FirstOrDefault();
        return atStart == default ? null : atStart with { Start = pos, End = pos + atStart.End };
    }

    private static bool FollowedByHope(string text, int end)
    {
        var i = Skip(text, end, '.');
        if (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }
        return string.Compare(text, i, "I hope", 0, 6, StringComparison.Ordinal) == 0 && i + 6 <= text.Length;
    }

    private static bool FollowedByEquals(string text, int end) => SkipSpace(text, end) is var i && i < text.Length && text[i] == '=';

    /// <summary>The last <see cref="MaxOccurrences"/> occurrences of <paramref name="phrase"/> (the answer is near the end).</summary>
    private static List<int> Occurrences(string text, string phrase)
    {
        var found = new Queue<int>();
        for (var i = text.IndexOf(phrase, StringComparison.OrdinalIgnoreCase); i >= 0; i = text.IndexOf(phrase, i + phrase.Length, StringComparison.OrdinalIgnoreCase))
        {
            found.Enqueue(i);
            if (found.Count > MaxOccurrences)
            {
                found.Dequeue();
            }
        }
        return [.. found];
    }

    private static int Skip(string text, int pos, char c) => pos < text.Length && text[pos] == c ? pos + 1 : pos;

    private static int SkipSpace(string text, int pos)
    {
        while (pos < text.Length && char.IsWhiteSpace(text[pos]))
        {
            pos++;
        }
        return pos;
    }
}
