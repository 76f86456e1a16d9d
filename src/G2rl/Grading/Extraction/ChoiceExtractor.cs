namespace G2rl.Grading.Extraction;

/// <summary>
/// The chosen letter of a multiple-choice response, by preference: the last box; the last "answer is X" /
/// "Answer: (X)"; the last "(X)" in the text; a response that is only a letter.
/// </summary>
internal static class ChoiceExtractor
{
    public static string? Extract(string text)
    {
        if (BoxedExtractor.LastBoxed(text) is { } boxed && ChoiceLetter.Parse(boxed) is { } fromBox)
        {
            return fromBox;
        }
        return AfterAnswerWord(text) ?? LastParenthesized(text) ?? ChoiceLetter.Parse(text);
    }

    /// <summary>Scans occurrences of "answer" from the last: "answer is C", "answer: (C)", "answer is $\boxed{C}$".</summary>
    private static string? AfterAnswerWord(string text)
    {
        var index = text.Length;
        while (index > 0 && (index = text.LastIndexOf("answer", index - 1, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            if (LetterAt(text, index + "answer".Length) is { } letter)
            {
                return letter;
            }
        }
        return null;
    }

    private static string? LetterAt(string text, int pos)
    {
        pos = Skip(text, pos, " \t*:");
        if (string.CompareOrdinal(text, pos, "is", 0, 2) == 0)
        {
            pos = Skip(text, pos + 2, " \t*:");
        }
        foreach (var prefix in (string[])["$", "\\boxed{", "\\text{", "\\textbf{", "\\mathrm{", "**", " "])
        {
            while (string.CompareOrdinal(text, pos, prefix, 0, prefix.Length) == 0)
            {
                pos += prefix.Length;
            }
        }
        var parenthesized = pos < text.Length && text[pos] == '(';
        if (parenthesized)
        {
            pos++;
        }
        if (pos >= text.Length)
        {
            return null;
        }
        var c = parenthesized ? char.ToUpperInvariant(text[pos]) : text[pos];
        var boundary = pos + 1 == text.Length || !char.IsLetterOrDigit(text[pos + 1]);
        return ChoiceLetter.IsChoice(c) && boundary && (!parenthesized || (pos + 1 < text.Length && text[pos + 1] == ')'))
            ? c.ToString()
            : null;
    }

    private static int Skip(string text, int pos, string characters)
    {
        while (pos < text.Length && characters.Contains(text[pos], StringComparison.Ordinal))
        {
            pos++;
        }
        return pos;
    }

    private static string? LastParenthesized(string text)
    {
        for (var i = text.Length - 3; i >= 0; i--)
        {
            if (text[i] == '(' && ChoiceLetter.IsChoice(text[i + 1]) && text[i + 2] == ')')
            {
                return text[i + 1].ToString();
            }
        }
        return null;
    }
}
