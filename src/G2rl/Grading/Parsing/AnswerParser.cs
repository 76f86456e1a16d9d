using G2rl.Grading.Syntax;

namespace G2rl.Grading.Parsing;

/// <summary>
/// Entry point of parsing: tokenizes, expands \pm / \mp into every sign choice (at most
/// <see cref="MaxPlusMinus"/> of them) and parses each expansion; several expansions become one set.
/// </summary>
internal static class AnswerParser
{
    /// <summary>Longest answer parsed; longer strings are compared as text only.</summary>
    public const int MaxLength = 10_000;

    public const int MaxPlusMinus = 4;

    /// <summary>Deepest expression tree accepted.</summary>
    public const int MaxTreeDepth = 200;

    /// <summary>Parses <paramref name="text"/>; throws <see cref="ParseException"/> outside the supported subset.</summary>
    public static Expr Parse(string text, Budget budget)
    {
        if (text.Length > MaxLength)
        {
            throw new ParseException("answer too long");
        }
        var tokens = LatexTokenizer.Tokenize(text, budget);
        var signs = new List<int>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].IsSymbol("±") || tokens[i].IsSymbol("∓"))
            {
                signs.Add(i);
            }
        }
        if (signs.Count == 0)
        {
            return DepthChecked(LatexParser.Parse(tokens, budget));
        }
        if (signs.Count > MaxPlusMinus)
        {
            throw new ParseException("too many \\pm");
        }
        var items = new List<Expr>();
        for (var mask = 0; mask < 1 << signs.Count; mask++)
        {
            var expanded = new List<Token>(tokens);
            for (var j = 0; j < signs.Count; j++)
            {
                var plus = ((mask >> j) & 1) == 0;
                if (tokens[signs[j]].Text == "∓")
                {
                    plus = !plus;
                }
                expanded[signs[j]] = new Token(TokenKind.Symbol, plus ? "+" : "-");
            }
            var parsed = DepthChecked(LatexParser.Parse(expanded, budget));
            items.AddRange(parsed is SetExpr set ? set.Items : [parsed]);
        }
        return new SetExpr(items, Bare: false);
    }

    /// <summary>Rejects trees deeper than <see cref="MaxTreeDepth"/>, so recursive walks over them stay shallow.</summary>
    private static Expr DepthChecked(Expr root)
    {
        var stack = new Stack<(Expr Node, int Depth)>();
        stack.Push((root, 1));
        while (stack.Count > 0)
        {
            var (node, depth) = stack.Pop();
            if (depth > MaxTreeDepth)
            {
                throw new ParseException("expression nested too deeply");
            }
            foreach (var child in node.Children)
            {
                stack.Push((child, depth + 1));
            }
        }
        return root;
    }
}
