using System.Text;

namespace G2rl.Grading.Extraction;

/// <summary>
/// Text copied through one level of string escaping writes commands with two backslashes ("\\frac{1}{2}",
/// "\\boxed{3}"). A doubled backslash before a known command name becomes one; "\\" before anything else
/// (a matrix row break) is kept.
/// </summary>
internal static class DoubledBackslashes
{
    private static readonly HashSet<string> Commands =
    [
        "frac", "dfrac", "tfrac", "cfrac", "sqrt", "left", "right", "boxed", "fbox", "text", "textbf", "mathrm",
        "mathbf", "le", "leq", "ge", "geq", "lt", "gt", "ne", "neq", "in", "cup", "cap", "infty", "pi", "cdot",
        "times", "div", "pm", "mp", "quad", "qquad", "begin", "end", "approx", "sin", "cos", "tan", "log", "ln",
        "exp", "dots", "ldots", "cdots", "theta", "alpha", "beta", "gamma", "delta", "angle", "circ", "degree",
        "emptyset", "varnothing", "binom", "dbinom", "mathbb", "operatorname", "displaystyle",
    ];

    public static string Collapse(string text)
    {
        if (!text.Contains("\\\\", StringComparison.Ordinal))
        {
            return text;
        }
        var s = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 2 < text.Length && text[i + 1] == '\\' && char.IsAsciiLetter(text[i + 2]) && (i == 0 || text[i - 1] != '\\'))
            {
                var end = i + 2;
                while (end < text.Length && char.IsAsciiLetter(text[end]))
                {
                    end++;
                }
                if (Commands.Contains(text[(i + 2)..end]))
                {
                    continue; // drop the first of the two backslashes
                }
            }
            s.Append(text[i]);
        }
        return s.ToString();
    }
}
