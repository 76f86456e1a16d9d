using System.Text;
using G2rl.Data;

namespace G2rl.Tests.Data;

public sealed class CsvReaderTests
{
    [Fact]
    public void Plain_fields_and_line_endings()
    {
        var records = CsvReader.Parse("a,b,c\r\n1,2,3\n4,,6\r7,8,");
        Assert.Equal(4, records.Count);
        Assert.Equal(["a", "b", "c"], records[0]);
        Assert.Equal(["1", "2", "3"], records[1]);
        Assert.Equal(["4", "", "6"], records[2]);
        Assert.Equal(["7", "8", ""], records[3]);
    }

    [Fact]
    public void Quoted_fields_hold_commas_newlines_and_doubled_quotes()
    {
        const string Text = "id,text\r\n1,\"hello, world\"\r\n2,\"line one\r\nline two\nline three\"\r\n3,\"say \"\"hi\"\"\"\r\n4,\"\"\r\n";
        var records = CsvReader.Parse(Text);
        Assert.Equal(5, records.Count);
        Assert.Equal(["1", "hello, world"], records[1]);
        Assert.Equal(["2", "line one\r\nline two\nline three"], records[2]);
        Assert.Equal(["3", "say \"hi\""], records[3]);
        Assert.Equal(["4", ""], records[4]);
    }

    [Fact]
    public void Bom_blank_lines_and_missing_final_newline_are_tolerated()
    {
        var records = CsvReader.Parse("\uFEFFx,y\n\n1,2\n\r\n3,4");
        Assert.Equal([["x", "y"], ["1", "2"], ["3", "4"]], records);
        Assert.Empty(CsvReader.Parse(""));
    }

    [Fact]
    public void Quote_inside_an_unquoted_field_is_literal()
    {
        Assert.Equal([["5\" pipe", "x"]], CsvReader.Parse("5\" pipe,x"));
    }

    [Fact]
    public void Unterminated_quote_names_the_line_where_it_opened()
    {
        var e = Assert.Throws<G2rlException>(() => CsvReader.Parse("a,b\nc,\"open\nmore\n"));
        Assert.Contains("line 2", e.Message, StringComparison.Ordinal);
        Assert.Contains("not terminated", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_after_a_closing_quote_is_an_error_naming_the_line()
    {
        var e = Assert.Throws<G2rlException>(() => CsvReader.Parse("a\n\"multi\nline\"x,b\n"));
        Assert.Contains("line 3", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Header_rows_map_columns_and_check_field_counts()
    {
        var rows = CsvReader.ParseWithHeader("Question,Answer\n\"2+2, please\",4\n");
        Assert.Single(rows);
        Assert.Equal("2+2, please", rows[0]["Question"]);
        Assert.Equal("4", rows[0]["Answer"]);
        var e = Assert.Throws<G2rlException>(() => CsvReader.ParseWithHeader("a,b\n1,2\n3\n"));
        Assert.Contains("record 3", e.Message, StringComparison.Ordinal);
        Assert.Throws<G2rlException>(() => CsvReader.ParseWithHeader("a,a\n1,2\n"));
        Assert.Throws<G2rlException>(() => CsvReader.ParseWithHeader(""));
    }

    [Fact]
    public void Random_tables_round_trip_through_an_rfc4180_writer()
    {
        var rng = new Random(2024);
        const string Alphabet = "ab ,\"\r\n;é";
        for (var trial = 0; trial < 300; trial++)
        {
            var columns = rng.Next(1, 5);
            var table = Enumerable.Range(0, rng.Next(1, 6))
                .Select(_ => Enumerable.Range(0, columns)
                    .Select(_ => new string(Enumerable.Range(0, rng.Next(0, 8)).Select(_ => Alphabet[rng.Next(Alphabet.Length)]).ToArray()))
                    .ToArray())
                .ToList();
            var sb = new StringBuilder();
            foreach (var row in table)
            {
                // Quote every field that needs it, plus empty single-field rows (which would be blank lines).
                sb.Append(string.Join(',', row.Select(f => NeedsQuotes(f) || (columns == 1 && f.Length == 0)
                    ? "\"" + f.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
                    : f)));
                sb.Append(rng.Next(2) == 0 ? "\r\n" : "\n");
            }

            Assert.Equal(table, CsvReader.Parse(sb.ToString()));
        }
    }

    private static bool NeedsQuotes(string f) => f.AsSpan().IndexOfAny(",\"\r\n") >= 0;
}
