namespace G2rl.Grading.Extraction;

/// <summary>
/// Whether the text between two boxes only separates them ("\boxed{1}, \boxed{2}", "\boxed{a} \quad
/// \text{and} \quad \boxed{b}", "\( y_1 = \boxed{a} \) and \( y_2 = \boxed{b} \)") rather than being prose
/// ("\boxed{3}. On reflection the answer is \boxed{7}").
/// </summary>
internal static class BoxSeparator
{
    /// <summary>Longest gap considered a separator.</summary>
    public const int MaxGap = 80;

    public static bool Joins(string text, int from, int to)
    {
        if (to - from > MaxGap)
        {
            return false;
        }
        var gap = text[from..to];
        if (gap.Contains('\n', StringComparison.Ordinal) || gap.Contains(". ", StringComparison.Ordinal))
        {
            return false;
        }
        var words = 0;
        var i = 0;
        while (i < gap.Length)
        {
            if (gap[i] == '\\' && i + 1 < gap.Length && char.IsAsciiLetter(gap[i + 1]))
            {
                var end = i + 1;
                while (end < gap.Length && char.IsAsciiLetter(gap[end]))
                {
                    end++;
                }
                var command = gap[(i + 1)..end];
                if (command.StartsWith("text", StringComparison.Ordinal) && end < gap.Length && gap[end] == '{')
                {
                    var close = gap.IndexOf('}', end);
                    end = close < 0 ? gap.Length : close + 1;
                }
                i = end;
                continue;
            }
            if (char.IsLetter(gap[i]))
            {
                var end = i;
                while (end < gap.Length && char.IsLetter(gap[end]))
                {
                    end++;
                }
                var word = gap[i..end];
                if (word.Length > 2 && !word.Equals("and", StringComparison.OrdinalIgnoreCase))
                {
                    words++;
                }
                i = end;
                continue;
            }
            i++;
        }
        return words == 0;
    }
}
