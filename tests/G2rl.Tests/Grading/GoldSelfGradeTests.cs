using System.IO.Compression;
using System.Text.Json;
using G2rl.Grading;

namespace G2rl.Tests.Grading;

/// <summary>
/// Every gold answer of the vendored benchmarks (data/&lt;name&gt;.jsonl.gz) grades as correct against itself in a box
/// and in the usual unboxed response styles (inline $...$, \(...\), \[...\], "Final Answer: The final answer is $...$").
/// Fails, rather than skips, when a data file is missing.
/// </summary>
public sealed class GoldSelfGradeTests
{
    [Theory]
    [InlineData("math500", 500)]
    [InlineData("aime24", 30)]
    [InlineData("aime25", 30)]
    [InlineData("amc23", 40)]
    public void EveryGoldAnswerGradesCorrectAgainstItselfBoxed(string name, int expectedCount)
    {
        var golds = ReadGolds(name);
        Assert.Equal(expectedCount, golds.Count);
        var failures = golds.Where(g => !Grader.Grade(@"The answer is \boxed{" + g + "}.", g, AnswerKind.Math).Correct).ToList();
        Assert.True(failures.Count == 0, $"{name}: {failures.Count} gold answers failed: {string.Join(" | ", failures)}");
    }

    public static TheoryData<string, string> NamesAndStyles
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var name in (string[])["math500", "aime24", "aime25", "amc23"])
            {
                foreach (var style in Styles.Keys)
                {
                    data.Add(name, style);
                }
            }
            return data;
        }
    }

    /// <summary>Response styles without a box; "{0}" is the gold answer.</summary>
    private static readonly Dictionary<string, string> Styles = new()
    {
        ["inline"] = "We compute the value. Hence the answer is ${0}$.",
        ["parenthesis"] = @"We compute the value. Hence we obtain \({0}\) as required.",
        ["display"] = "We compute the value, so\n\\[\n{0}\n\\]\nas required.",
        ["final-answer"] = "We compute the value.\nFinal Answer: The final answer is ${0}$. I hope it is correct.",
        ["final-answer-plain"] = "We compute the value.\nFinal Answer: The final answer is ${0}$.",
    };

    [Theory]
    [MemberData(nameof(NamesAndStyles))]
    public void EveryGoldAnswerGradesCorrectAgainstItselfInEachStyle(string name, string style)
    {
        var template = Styles[style];
        var failures = ReadGolds(name).Where(g => !Grader.Grade(template.Replace("{0}", g, StringComparison.Ordinal), g, AnswerKind.Math).Correct).ToList();
        Assert.True(failures.Count == 0, $"{name} {style}: {failures.Count} gold answers failed: {string.Join(" | ", failures)}");
    }

    [Theory]
    [InlineData("math500")]
    [InlineData("aime24")]
    [InlineData("aime25")]
    [InlineData("amc23")]
    public void EveryGoldAnswerParsesAndEqualsItself(string name)
    {
        // "{gold}" is not string-identical to gold, so the comparison goes through the parser.
        var failures = ReadGolds(name).Where(g => !MathEquivalence.AreEquivalent(g, "{" + g + "}")).ToList();
        Assert.True(failures.Count == 0, $"{name}: {failures.Count} gold answers failed: {string.Join(" | ", failures)}");
    }

    private static List<string> ReadGolds(string name)
    {
        var path = Path.Combine(RepositoryRoot(), "data", name + ".jsonl.gz");
        Assert.True(File.Exists(path), $"missing benchmark file {path}");
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var golds = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            using var document = JsonDocument.Parse(line);
            var answer = document.RootElement.GetProperty("answer");
            // AMC23 stores floats (27.0) and AIME25 integers: keep them as written.
            golds.Add(answer.ValueKind == JsonValueKind.String ? answer.GetString()! : answer.GetRawText());
        }
        return golds;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "G2rl.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException($"no G2rl.slnx above {AppContext.BaseDirectory}");
    }
}
