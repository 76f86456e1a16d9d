using G2rl.Evaluation;
using G2rl.Reporting;

namespace G2rl.Tests.Reporting;

public sealed class MarkdownTableTests
{
    [Fact]
    public void Renders_padded_rows_with_numbers_right_aligned_and_text_left_aligned()
    {
        var table = new MarkdownTable("method", new MarkdownColumn("pass@1", "F1", Scale: 100), "n")
            .AddRow("GRPO", 0.635, 500)
            .AddRow("G2RL", 0.6624, 500);
        const string expected =
            "| method | pass@1 |   n |\n" +
            "| :----- | -----: | --: |\n" +
            "| GRPO   |   63.5 | 500 |\n" +
            "| G2RL   |   66.2 | 500 |\n";
        Assert.Equal(expected, table.Render());
        Assert.Equal(expected, table.ToString());
        Assert.Equal(2, table.RowCount);
    }

    [Fact]
    public void Formats_special_numbers_and_intervals()
    {
        var column = new MarkdownColumn("x", "F2");
        Assert.Equal("n/a", MarkdownTable.FormatCell(double.NaN, column));
        Assert.Equal("inf", MarkdownTable.FormatCell(double.PositiveInfinity, column));
        Assert.Equal("-inf", MarkdownTable.FormatCell(double.NegativeInfinity, column));
        Assert.Equal("0.00", MarkdownTable.FormatCell(-0.001, column));
        Assert.Equal("-0.01", MarkdownTable.FormatCell(-0.006, column));
        Assert.Equal("1234.50", MarkdownTable.FormatCell(1234.5m, column));
        Assert.Equal("7.00", MarkdownTable.FormatCell(7, column));
        Assert.Equal("", MarkdownTable.FormatCell(null, column));
        Assert.Equal("0.333", MarkdownTable.FormatCell(1.0 / 3, "x"));
        Assert.Equal("12", MarkdownTable.FormatCell(12L, "x"));
        var ci = new ConfidenceInterval(0.662, 0.638, 0.685, 0.95, 1000);
        Assert.Equal("66.2 [63.8, 68.5]", MarkdownTable.FormatCell(ci, new MarkdownColumn("pass@1", "F1", 100)));
    }

    [Fact]
    public void Escapes_pipes_and_line_breaks_in_text()
    {
        Assert.Equal("a \\| b<br>c<br>d", MarkdownTable.FormatCell("a | b\nc\r\nd", "x"));
        var table = new MarkdownTable("a|b").AddRow("x");
        Assert.StartsWith("| a\\|b |", table.Render(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_column_mixing_text_and_numbers_is_left_aligned_unless_told_otherwise()
    {
        var table = new MarkdownTable("auto", new MarkdownColumn("centre", Alignment: ColumnAlignment.Center), "empty")
            .AddRow(1.5, "x", null)
            .AddRow("n/a", "y", null);
        var separator = table.Render().Split('\n')[1];
        Assert.Equal("| :--- | :----: | :---- |", separator);
    }

    [Fact]
    public void Rows_must_have_one_cell_per_column()
    {
        var table = new MarkdownTable("a", "b");
        Assert.Throws<ArgumentException>(() => table.AddRow(1));
        Assert.Throws<ArgumentException>(() => table.AddRow(1, 2, 3));
        Assert.Throws<ArgumentException>(() => new MarkdownTable());
        Assert.Equal("| a   | b   |\n| :-- | :-- |\n", table.Render());
    }
}
