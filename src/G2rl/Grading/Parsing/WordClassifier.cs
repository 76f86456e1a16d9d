namespace G2rl.Grading.Parsing;

/// <summary>
/// Decides what a run of two or more letters outside \text{} is: a function name ("sin"), a constant ("pi"),
/// a list word ("and"), a word or unit ("inches", "cm"), or a product of one-letter variables ("xy").
/// </summary>
internal static class WordClassifier
{
    private static readonly HashSet<string> Functions =
    [
        "sin", "cos", "tan", "cot", "sec", "csc", "arcsin", "arccos", "arctan", "sinh", "cosh", "tanh",
        "ln", "log", "exp", "sqrt",
    ];

    private static readonly HashSet<string> Units =
    [
        "cm", "mm", "km", "ft", "yd", "mi", "kg", "mg", "ml", "hr", "hrs", "sq", "lb", "lbs", "oz", "mph", "cc",
        "pm", "am", "st", "nd", "rd", "th", "no", "odd", "yes", "all", "sec", "min", "hour", "day",
    ];

    /// <summary>The token(s) for a letter run; null means "split into single letters".</summary>
    public static Token? Classify(string run)
    {
        var lower = run.ToLowerInvariant();
        if (Functions.Contains(lower))
        {
            return new Token(TokenKind.Command, lower);
        }
        switch (lower)
        {
            case "pi":
                return new Token(TokenKind.Command, "pi");
            case "inf" or "infty" or "infinity":
                return new Token(TokenKind.Command, "infty");
            case "and" or "or":
                return new Token(TokenKind.Symbol, ",");
            case "percent":
                return new Token(TokenKind.Symbol, "%");
            case "degree" or "degrees" or "deg":
                return new Token(TokenKind.Symbol, "°");
        }
        return Units.Contains(lower) || LooksLikeWord(run) ? new Token(TokenKind.Word, run) : null;
    }

    /// <summary>
    /// Four or more letters with a vowel ("inches", "Evelyn"), or a capitalised three-letter name ("Bob");
    /// lower-case triples such as "abc" or "xyz" stay products of variables.
    /// </summary>
    private static bool LooksLikeWord(string run)
    {
        var hasVowel = run.AsSpan().IndexOfAny("aeiouAEIOU") >= 0;
        return hasVowel && (run.Length >= 4 || (run.Length == 3 && char.IsUpper(run[0]) && char.IsLower(run[1]) && char.IsLower(run[2])));
    }
}
