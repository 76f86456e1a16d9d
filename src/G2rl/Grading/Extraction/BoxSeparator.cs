namespace G2rl.Grading.Extraction;

/// <summary>
/// Whether two neighbouring boxes form one answer, by Math-Verify's rule: the text between them is shorter
/// than <see cref="CloseGap"/> characters ("\boxed{1}\boxed{2}", "\boxed{1},\boxed{2}"), or shorter than
/// <see cref="MaxGap"/> and holds a separator — "and", "or" (as words), "," or ";" — while the two contents
/// differ ("\boxed{(2, 2)} \quad \text{and} \quad \boxed{(6, 2)}", "\boxed{1} papers and \boxed{2} bins").
/// Not joined: "\boxed{3}. On reflection the answer is \boxed{7}", "\boxed{1} no no no no no \boxed{2}".
/// </summary>
internal static class BoxSeparator
{
    public const int CloseGap = 10;

    public const int MaxGap = 70;

    public static bool Joins(string text, int from, int to, string previous, string next)
    {
        var length = to - from;
        if (length < CloseGap)
        {
            return true;
        }
        return length < MaxGap && previous != next && HasSeparator(text.AsSpan(from, length));
    }

    private static bool HasSeparator(ReadOnlySpan<char> gap)
    {
        if (gap.IndexOfAny(',', ';') >= 0)
        {
            return true;
        }
        for (var i = 0; i < gap.Length; i++)
        {
            if (char.IsAsciiLetter(gap[i]) && (i == 0 || !char.IsAsciiLetterOrDigit(gap[i - 1])))
            {
                var end = i;
                while (end < gap.Length && char.IsAsciiLetterOrDigit(gap[end]))
                {
                    end++;
                }
                if (gap[i..end] is "and" or "or")
                {
                    return true;
                }
                i = end;
            }
        }
        return false;
    }
}
