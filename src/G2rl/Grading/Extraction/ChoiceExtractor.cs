namespace G2rl.Grading.Extraction;

/// <summary>
/// The chosen letter of a multiple-choice response, by preference: the last box; the last "answer is X" /
/// "Answer: (X)"; the last option mention in the text ("(X)", "option X", a label "X. ..."); a response
/// that is only a letter.
/// </summary>
internal static class ChoiceExtractor
{
    public static string? Extract(string text)
    {
        if (BoxedExtractor.LastBoxed(text) is { } boxed && ChoiceLetter.Parse(boxed) is { } fromBox)
        {
            return fromBox;
        }
        return AfterAnswerWord(text) ?? LastOptionMention(text) ?? ChoiceLetter.Parse(text);
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
        pos = Skip(text, pos);
        if (string.CompareOrdinal(text, pos, "is", 0, 2) == 0)
        {
            pos = Skip(text, pos + 2);
        }
        foreach (var prefix in (string[])["$", "\\boxed{", "\\text{", "\\textbf{", "\\mathrm{", "**", " "])
        {
            while (string.CompareOrdinal(text, pos, prefix, 0, prefix.Length) == 0)
            {
                pos = Skip(text, pos + prefix.Length);
            }
        }
        var close = pos < text.Length ? text[pos] switch { '(' => ')', '[' => ']', _ => ' ' } : ' ';
        var parenthesized = close != ' ';
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
        return ChoiceLetter.IsChoice(c) && boundary && (!parenthesized || (pos + 1 < text.Length && text[pos + 1] == close))
            ? c.ToString()
            : null;
    }

    /// <summary>Skips white space, colons and markdown bold.</summary>
    private static int Skip(string text, int pos)
    {
        while (pos < text.Length && (char.IsWhiteSpace(text[pos]) || text[pos] is '*' or ':'))
        {
            pos++;
        }
        return pos;
    }

    /// <summary>The last "(X)", "option X" / "choice X", or option label "X." / "X)" starting a phrase.</summary>
    private static string? LastOptionMention(string text)
    {
        for (var i = text.Length - 1; i >= 0; i--)
        {
            if (ChoiceLetter.IsChoice(text[i]) && IsOptionMention(text, i))
            {
                return text[i].ToString();
            }
        }
        return null;
    }

    private static bool IsOptionMention(string text, int i)
    {
        var before = i > 0 ? text[i - 1] : ' ';
        var after = i + 1 < text.Length ? text[i + 1] : ' ';
        if (before == '(' && after == ')')
        {
            return true;
        }
        if (char.IsLetterOrDigit(after))
        {
            return false;
        }
        var afterNext = i + 2 < text.Length ? text[i + 2] : ' ';
        if ((char.IsWhiteSpace(before) || before == ':') && after is '.' or ')' or ':' && char.IsWhiteSpace(afterNext))
        {
            return true; // a label such as "is: D. The use of ..."
        }
        var prefix = text[..i].TrimEnd();
        return prefix.Length < i && (prefix.EndsWith("option", StringComparison.OrdinalIgnoreCase) || prefix.EndsWith("choice", StringComparison.OrdinalIgnoreCase));
    }
}
