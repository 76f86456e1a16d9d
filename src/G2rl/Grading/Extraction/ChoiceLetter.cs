namespace G2rl.Grading.Extraction;

/// <summary>Reads a multiple-choice letter (A–J) from a short answer such as "C", "(C)", "\text{(C)}" or "C) 42".</summary>
internal static class ChoiceLetter
{
    public static bool IsChoice(char c) => c is >= 'A' and <= 'J';

    /// <summary>The upper-case letter, or null. A lone letter may be lower case; "C) ..." forms need upper case.</summary>
    public static string? Parse(string answer)
    {
        var s = Strip(answer);
        if (s.Length == 1 && IsChoice(char.ToUpperInvariant(s[0])))
        {
            return char.ToUpperInvariant(s[0]).ToString();
        }
        var t = answer.Trim().Replace("\\text{", "", StringComparison.Ordinal).Replace("\\textbf{", "", StringComparison.Ordinal);
        if (t.Length >= 3 && t[0] == '(' && IsChoice(t[1]) && t[2] == ')')
        {
            return t[1].ToString();
        }
        if (t.Length >= 3 && IsChoice(t[0]) && t[1] is ')' or '.' or ':' && char.IsWhiteSpace(t[2]))
        {
            return t[0].ToString();
        }
        return null;
    }

    private static string Strip(string answer)
    {
        var s = answer;
        foreach (var wrapper in (string[])["\\text", "\\textbf", "\\mathrm", "\\mathbf", "\\boxed"])
        {
            s = s.Replace(wrapper, "", StringComparison.Ordinal);
        }
        return new string(s.Where(c => !char.IsWhiteSpace(c) && c is not ('{' or '}' or '(' or ')' or '$' or '.' or ':' or '*')).ToArray());
    }
}
