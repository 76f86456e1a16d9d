namespace G2rl.Reporting;

/// <summary>A column of a <see cref="MarkdownTable"/>.</summary>
/// <param name="Header">Header text.</param>
/// <param name="Format">.NET numeric format for numbers in the column (invariant culture), e.g. "F1", "0.000", "N0".</param>
/// <param name="Scale">Factor applied to numbers before formatting, e.g. 100 to show shares as percentages.</param>
/// <param name="Alignment">Column alignment.</param>
public sealed record MarkdownColumn(
    string Header,
    string Format = MarkdownColumn.DefaultFormat,
    double Scale = 1,
    ColumnAlignment Alignment = ColumnAlignment.Auto)
{
    /// <summary>Up to three decimals, trailing zeros dropped.</summary>
    public const string DefaultFormat = "0.###";

    /// <summary>A column with default formatting, so headers can be given as plain strings.</summary>
    public static implicit operator MarkdownColumn(string header) => new(header);
}
