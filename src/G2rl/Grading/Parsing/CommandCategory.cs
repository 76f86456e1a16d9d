namespace G2rl.Grading.Parsing;

/// <summary>How the tokenizer treats a LaTeX command.</summary>
internal enum CommandCategory
{
    /// <summary>Layout only (\left, \displaystyle, \,): dropped.</summary>
    Skip,

    /// <summary>Dropped together with its brace argument (\hspace{1em}, \color{red}).</summary>
    SkipWithArgument,

    /// <summary>Text mode (\text, \mbox): the brace argument becomes a Text token.</summary>
    Text,

    /// <summary>Font or box wrappers (\mathrm, \boxed): dropped, the argument is parsed as a group.</summary>
    Transparent,

    /// <summary>Mapped onto a <see cref="TokenKind.Symbol"/> (\le → ≤, \cdot → *).</summary>
    Symbol,

    /// <summary>Kept as a <see cref="TokenKind.Command"/> under a canonical name (\dfrac → frac).</summary>
    Named,
}
