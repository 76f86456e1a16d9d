namespace G2rl.Grading.Parsing;

/// <summary>What each LaTeX command means to the tokenizer.</summary>
internal static class CommandTable
{
    private static readonly HashSet<string> Skips =
    [
        "left", "right", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr", "biggl", "biggr",
        "Biggl", "Biggr", "middle", "displaystyle", "textstyle", "scriptstyle", "limits", "nolimits", "quad",
        "qquad", ",", ";", ":", "!", " ", ">", "enspace", "thinspace", "negthinspace", "medspace",
        "thickspace", "$", "mathstrut", "strut", "noindent", "centering", "hfill", "nonumber", "notag", "#",
    ];

    private static readonly HashSet<string> SkipsWithArgument =
    [
        "hspace", "vspace", "phantom", "hphantom", "vphantom", "label", "color", "textcolor", "tag",
    ];

    private static readonly HashSet<string> TextCommands =
    [
        "text", "textrm", "textup", "textnormal", "textbf", "textit", "textsf", "texttt", "textmd", "textsl",
        "emph", "mbox", "hbox", "mathtext",
    ];

    private static readonly HashSet<string> Transparents =
    [
        "mathrm", "mathbf", "mathit", "mathsf", "mathtt", "mathnormal", "boldsymbol", "bm", "boxed", "fbox",
        "operatorname", "mathbb", "mathcal", "underline", "bf", "rm", "it",
    ];

    private static readonly Dictionary<string, string> Symbols = new()
    {
        ["le"] = "≤", ["leq"] = "≤", ["leqslant"] = "≤", ["ge"] = "≥", ["geq"] = "≥", ["geqslant"] = "≥",
        ["ne"] = "≠", ["neq"] = "≠", ["lt"] = "<", ["gt"] = ">", ["in"] = "∈", ["cup"] = "∪",
        ["pm"] = "±", ["mp"] = "∓", ["cdot"] = "*", ["times"] = "*", ["ast"] = "*", ["div"] = "/",
        ["lbrack"] = "[", ["rbrack"] = "]", ["langle"] = "(", ["rangle"] = ")", ["lparen"] = "(", ["rparen"] = ")",
        ["lvert"] = "|", ["rvert"] = "|", ["vert"] = "|", ["mid"] = "|", ["lbrace"] = "\\{", ["rbrace"] = "\\}",
        ["{"] = "\\{", ["}"] = "\\}", ["%"] = "%", ["circ"] = "°", ["degree"] = "°", ["\\"] = "\\\\",
        ["colon"] = ":", ["_"] = "_", ["&"] = "&", ["approx"] = "≈", ["equiv"] = "=", ["simeq"] = "≈",
    };

    private static readonly Dictionary<string, string> Aliases = new()
    {
        ["dfrac"] = "frac", ["tfrac"] = "frac", ["cfrac"] = "frac", ["dbinom"] = "binom", ["tbinom"] = "binom",
        ["infinity"] = "infty", ["varnothing"] = "emptyset", ["ldots"] = "dots", ["cdots"] = "dots",
        ["dotsc"] = "dots", ["dotsb"] = "dots", ["arccot"] = "arccot", ["lg"] = "log",
    };

    /// <summary>Classifies <paramref name="name"/>; <paramref name="mapped"/> is the symbol or canonical command name.</summary>
    public static CommandCategory Classify(string name, out string mapped)
    {
        mapped = name;
        if (Skips.Contains(name))
        {
            return CommandCategory.Skip;
        }
        if (SkipsWithArgument.Contains(name))
        {
            return CommandCategory.SkipWithArgument;
        }
        if (TextCommands.Contains(name))
        {
            return CommandCategory.Text;
        }
        if (Transparents.Contains(name))
        {
            return CommandCategory.Transparent;
        }
        if (Symbols.TryGetValue(name, out var symbol))
        {
            mapped = symbol;
            return CommandCategory.Symbol;
        }
        if (Aliases.TryGetValue(name, out var alias))
        {
            mapped = alias;
        }
        return CommandCategory.Named;
    }
}
