using System.Globalization;
using System.Text;
using G2rl.Evaluation;

namespace G2rl.Reporting;

/// <summary>
/// Builds a GitHub-flavoured markdown table. Cells are formatted per column in the invariant culture: numbers with
/// the column's <see cref="MarkdownColumn.Format"/> after multiplying by its <see cref="MarkdownColumn.Scale"/>
/// (NaN as "n/a", infinities as "inf"/"-inf", a rounded negative zero without its sign), a
/// <see cref="ConfidenceInterval"/> as "mean [lower, upper]", null as an empty cell, anything else as text with
/// '|' escaped and line breaks as &lt;br&gt;. Columns are padded so the raw text lines up.
/// </summary>
public sealed class MarkdownTable
{
    private readonly MarkdownColumn[] columns;
    private readonly List<string[]> rows = [];
    private readonly bool[] allNumeric;

    /// <summary>A table with the given columns (plain strings convert to default-formatted columns).</summary>
    /// <exception cref="ArgumentException">No columns.</exception>
    public MarkdownTable(params MarkdownColumn[] columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Length == 0 || columns.Any(c => c is null))
        {
            throw new ArgumentException("a table needs at least one column, none null", nameof(columns));
        }
        this.columns = [.. columns];
        allNumeric = [.. columns.Select(_ => true)];
    }

    /// <summary>The columns.</summary>
    public IReadOnlyList<MarkdownColumn> Columns => columns;

    /// <summary>Rows added so far.</summary>
    public int RowCount => rows.Count;

    /// <summary>Adds a row with one value per column.</summary>
    /// <exception cref="ArgumentException">The number of cells differs from the number of columns.</exception>
    public MarkdownTable AddRow(params object?[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Length != columns.Length)
        {
            throw new ArgumentException($"row has {cells.Length} cells, the table has {columns.Length} columns", nameof(cells));
        }

        var texts = new string[cells.Length];
        for (var c = 0; c < cells.Length; c++)
        {
            texts[c] = Format(cells[c], columns[c], out var numeric);
            if (cells[c] is not null && !numeric)
            {
                allNumeric[c] = false;
            }
        }
        rows.Add(texts);
        return this;
    }

    /// <summary>The table: header line, separator line, one line per row, each ending with '\n'.</summary>
    public string Render()
    {
        var alignments = columns.Select((c, i) => Resolve(c.Alignment, i)).ToArray();
        var headers = columns.Select(c => Escape(c.Header)).ToArray();
        var widths = Enumerable.Range(0, columns.Length)
            .Select(c => rows.Select(r => r[c].Length).Append(headers[c].Length).Append(3).Max())
            .ToArray();

        var builder = new StringBuilder();
        AppendLine(builder, headers, widths, alignments);
        builder.Append('|');
        for (var c = 0; c < columns.Length; c++)
        {
            builder.Append(' ').Append(Separator(alignments[c], widths[c])).Append(" |");
        }
        builder.Append('\n');
        foreach (var row in rows)
        {
            AppendLine(builder, row, widths, alignments);
        }
        return builder.ToString();
    }

    /// <inheritdoc cref="Render"/>
    public override string ToString() => Render();

    /// <summary>Formats one value as <see cref="AddRow"/> would for <paramref name="column"/>.</summary>
    public static string FormatCell(object? value, MarkdownColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return Format(value, column, out _);
    }

    private static string Format(object? value, MarkdownColumn column, out bool numeric)
    {
        numeric = true;
        switch (value)
        {
            case null:
                return string.Empty;
            case ConfidenceInterval ci:
                return $"{Number(ci.Mean, column)} [{Number(ci.Lower, column)}, {Number(ci.Upper, column)}]";
            case double or float or decimal or int or long or short or byte or sbyte or uint or ulong or ushort:
                return Number(Convert.ToDouble(value, CultureInfo.InvariantCulture), column);
            default:
                numeric = false;
                var text = value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : value.ToString() ?? string.Empty;
                return Escape(text);
        }
    }

    private static string Number(double value, MarkdownColumn column)
    {
        if (double.IsNaN(value))
        {
            return "n/a";
        }
        if (double.IsInfinity(value))
        {
            return value > 0 ? "inf" : "-inf";
        }

        var text = (value * column.Scale).ToString(column.Format, CultureInfo.InvariantCulture);
        return text.StartsWith('-') && text.Skip(1).All(ch => ch is '0' or '.' or ',') ? text[1..] : text;
    }

    private static string Escape(string text) =>
        text.Replace("|", "\\|", StringComparison.Ordinal)
            .Replace("\r\n", "<br>", StringComparison.Ordinal)
            .Replace("\n", "<br>", StringComparison.Ordinal)
            .Replace("\r", "<br>", StringComparison.Ordinal);

    private ColumnAlignment Resolve(ColumnAlignment alignment, int column) =>
        alignment != ColumnAlignment.Auto ? alignment
        : allNumeric[column] && rows.Any(r => r[column].Length > 0) ? ColumnAlignment.Right
        : ColumnAlignment.Left;

    private static string Separator(ColumnAlignment alignment, int width) => alignment switch
    {
        ColumnAlignment.Right => new string('-', width - 1) + ":",
        ColumnAlignment.Center => ":" + new string('-', width - 2) + ":",
        _ => ":" + new string('-', width - 1),
    };

    private static void AppendLine(StringBuilder builder, string[] cells, int[] widths, ColumnAlignment[] alignments)
    {
        builder.Append('|');
        for (var c = 0; c < cells.Length; c++)
        {
            var padded = alignments[c] == ColumnAlignment.Right ? cells[c].PadLeft(widths[c]) : cells[c].PadRight(widths[c]);
            builder.Append(' ').Append(padded).Append(" |");
        }
        builder.Append('\n');
    }
}
