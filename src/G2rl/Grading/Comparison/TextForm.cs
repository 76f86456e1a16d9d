using System.Text;
using G2rl.Grading.Syntax;

namespace G2rl.Grading.Comparison;

/// <summary>Case-insensitive text forms used when an answer is words (\text{Evelyn}, "(B)") rather than math.</summary>
internal static class TextForm
{
    /// <summary>The normalised text, without spaces, of a word-like expression (text, letters, a literal), or null.</summary>
    public static string? Of(Expr expr) => expr switch
    {
        TextExpr text => Normalize(text.Content).Replace(" ", "", StringComparison.Ordinal),
        VariableExpr variable => Normalize(variable.Name),
        NumberExpr number => number.Literal,
        ConstantExpr { Kind: ConstantKind.E } => "e",
        ConstantExpr { Kind: ConstantKind.ImaginaryUnit } => "i",
        ProductExpr product when product.Factors.All(f => !f.Divide) => Concat(product.Factors.Select(f => Of(f.Value))),
        _ => null,
    };

    /// <summary>
    /// Lower-case, without dollar signs, braces, layout commands, a final period or white space (except one space
    /// between words); "(b)" becomes "b".
    /// Also the last-resort comparison of answers the parser does not understand.
    /// </summary>
    public static string Normalize(string text)
    {
        var s = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                // Keep one space between two words or numbers ("2 3" is not "23"), drop it elsewhere.
                var next = i + 1 < text.Length ? text[i + 1] : ' ';
                if (s.Length > 0 && char.IsLetterOrDigit(s[^1]) && char.IsLetterOrDigit(next))
                {
                    s.Append(' ');
                }
            }
            else if (c is not ('$' or '{' or '}'))
            {
                s.Append(char.ToLowerInvariant(c));
            }
        }
        foreach (var noise in (string[])["\\left", "\\right", "\\!", "\\,", "\\;", "\\:", "\\displaystyle", "\\textbf", "\\text", "\\mathrm", "\\mbox", "\\dfrac", "\\tfrac"])
        {
            s.Replace(noise, noise is "\\dfrac" or "\\tfrac" ? "\\frac" : "");
        }
        var result = s.ToString().Trim().TrimEnd('.');
        if (result.Length >= 3 && result[0] == '(' && result[^1] == ')' && result[1..^1].All(char.IsLetterOrDigit))
        {
            result = result[1..^1];
        }
        return result;
    }

    private static string? Concat(IEnumerable<string?> parts)
    {
        var s = new StringBuilder();
        foreach (var part in parts)
        {
            if (part is null)
            {
                return null;
            }
            s.Append(part);
        }
        return s.ToString();
    }
}
