namespace G2rl.Reporting;

/// <summary>Alignment of a <see cref="MarkdownTable"/> column.</summary>
public enum ColumnAlignment
{
    /// <summary>Right when every non-empty cell of the column is a number (or an interval), else left.</summary>
    Auto,

    /// <summary>Left (`:---`).</summary>
    Left,

    /// <summary>Centred (`:---:`).</summary>
    Center,

    /// <summary>Right (`---:`).</summary>
    Right,
}
