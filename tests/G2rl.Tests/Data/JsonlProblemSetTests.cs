using System.IO.Compression;
using System.Text;
using G2rl.Data;
using G2rl.Grading;

using G2rl.Tests.Support;

namespace G2rl.Tests.Data;

public sealed class JsonlProblemSetTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Reads_the_common_schema()
    {
        var path = _dir.Write("set.jsonl",
            "{\"id\":\"a\",\"question\":\"Q1\",\"answer\":\"\\\\frac{1}{2}\",\"kind\":\"math\",\"subject\":\"Algebra\",\"level\":3,\"extra\":1}\n"
            + "{\"id\":\"b\",\"question\":\"Q2\",\"answer\":\"B\",\"kind\":\"choice\",\"choices\":[\"x\",\"y\"],\"level\":null}\n");
        var set = JsonlProblemSet.Load(path);
        Assert.Equal("set", set.Name);
        Assert.Equal(2, set.Problems.Count);
        var a = set.Problems[0];
        Assert.Equal(("a", "Q1", "\\frac{1}{2}", AnswerKind.Math, "Algebra", 3, "set"), (a.Id, a.Question, a.Answer, a.Kind, a.Subject, a.Level, a.Source));
        Assert.Null(a.Choices);
        var b = set.Problems[1];
        Assert.Equal((AnswerKind.Choice, "B"), (b.Kind, b.Answer));
        Assert.Equal(["x", "y"], b.Choices!);
        Assert.Null(b.Level);
    }

    [Fact]
    public void Accepts_user_files_with_problem_numeric_answers_and_default_ids()
    {
        var path = _dir.Write("mine.jsonl",
            "{\"problem\":\"1+1\",\"answer\":2}\n\n   \n{\"problem\":\"x\",\"answer\":27.0,\"id\":7}\n{\"question\":\"q\",\"answer\":\"C\",\"choices\":[\"1\",\"2\",\"3\"]}\n");
        var p = JsonlProblemSet.Load(path, "custom").Problems;
        Assert.Equal(["0", "7", "2"], p.Select(x => x.Id));
        Assert.Equal(["2", "27.0", "C"], p.Select(x => x.Answer));
        Assert.Equal([AnswerKind.Math, AnswerKind.Math, AnswerKind.Choice], p.Select(x => x.Kind));
        Assert.All(p, x => Assert.Equal("custom", x.Source));
    }

    [Fact]
    public void Reads_gzip_files_by_content()
    {
        var path = Path.Combine(_dir.Path, "z.jsonl.gz");
        using (var gz = new GZipStream(File.Create(path), CompressionLevel.Optimal))
        {
            gz.Write(Encoding.UTF8.GetBytes("{\"question\":\"é?\",\"answer\":\"1\"}\n"));
        }

        var set = JsonlProblemSet.Load(path);
        Assert.Equal("z", set.Name);
        Assert.Equal("é?", set.Problems.Single().Question);
    }

    [Theory]
    [InlineData("{\"question\":\"q\",\"answer\":\"1\"}\n{\"question\":\"q\",\"answer\":\"1\"}\n{not json}\n", ":3:", "malformed JSON")]
    [InlineData("{\"question\":\"q\"}\n", ":1:", "missing field 'answer'")]
    [InlineData("\n{\"answer\":\"1\"}\n", ":2:", "missing field 'question'")]
    [InlineData("{\"question\":\"q\",\"answer\":\"  \"}\n", ":1:", "'answer' is empty")]
    [InlineData("{\"question\":\"q\",\"answer\":[1]}\n", ":1:", "'answer' must be")]
    [InlineData("[1,2]\n", ":1:", "expected a JSON object")]
    [InlineData("{\"question\":\"q\",\"answer\":\"1\",\"kind\":\"essay\"}\n", ":1:", "'kind'")]
    [InlineData("{\"question\":\"q\",\"answer\":\"E\",\"choices\":[\"a\",\"b\"]}\n", ":1:", "outside the 2 choices")]
    [InlineData("{\"question\":\"q\",\"answer\":\"12\",\"kind\":\"choice\"}\n", ":1:", "one letter")]
    [InlineData("{\"question\":\"q\",\"answer\":\"1\",\"level\":\"Level 2\"}\n", ":1:", "'level'")]
    [InlineData("{\"id\":\"x\",\"question\":\"q\",\"answer\":\"1\"}\n{\"id\":\"x\",\"question\":\"r\",\"answer\":\"2\"}\n", ":2:", "duplicate id 'x' (first on line 1)")]
    public void Bad_lines_are_errors_naming_file_and_line(string content, string line, string message)
    {
        var path = _dir.Write("bad.jsonl", content);
        var e = Assert.Throws<G2rlException>(() => JsonlProblemSet.Load(path));
        Assert.Contains(path + line, e.Message, StringComparison.Ordinal);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n  \n\n")]
    public void Empty_files_are_errors(string content)
    {
        var path = _dir.Write("empty.jsonl", content);
        var e = Assert.Throws<G2rlException>(() => JsonlProblemSet.Load(path));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("empty", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_file_is_an_error()
    {
        var path = Path.Combine(_dir.Path, "nope.jsonl");
        var e = Assert.Throws<G2rlException>(() => JsonlProblemSet.Load(path));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
    }
}
