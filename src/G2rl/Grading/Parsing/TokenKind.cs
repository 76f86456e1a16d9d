namespace G2rl.Grading.Parsing;

/// <summary>Kinds of <see cref="Token"/>.</summary>
internal enum TokenKind
{
    /// <summary>Digits with an optional decimal part; separators already removed.</summary>
    Number,

    /// <summary>A single letter: a variable, or e / i.</summary>
    Letter,

    /// <summary>A run of letters that reads as a word or unit ("inches", "cm", "Evelyn").</summary>
    Word,

    /// <summary>The content of \text{...} / \mbox{...}.</summary>
    Text,

    /// <summary>A LaTeX command kept by name (frac, sqrt, sin, pi, begin, ...), without the backslash.</summary>
    Command,

    /// <summary>An operator or bracket; relation and operator commands are mapped to one spelling (≤, ±, *, ∪, ...).</summary>
    Symbol,

    /// <summary>End of input.</summary>
    End,
}
