using System.Text.Json;
using G2rl.Tests.Cli;

namespace G2rl.Tests.Grading;

/// <summary>The <c>g2rl grade</c> command, run as a child process.</summary>
public sealed class GradeCommandTests
{
    [Fact]
    public void SingleCasePrintsOneJsonLine()
    {
        var result = CliProcess.Run(["grade", "--gold", @"\frac12", "--response", @"so \boxed{0.5}."]);
        Assert.Equal(0, result.ExitCode);
        var line = Assert.Single(Lines(result.Stdout));
        Assert.Equal((true, "0.5"), Parse(line));
    }

    [Fact]
    public void ChoiceKindGradesLetters()
    {
        var result = CliProcess.Run(["grade", "--gold", "C", "--response", "The answer is (D).", "--kind", "choice"]);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal((false, "D"), Parse(Assert.Single(Lines(result.Stdout))));
    }

    [Fact]
    public void InputFileGivesOneLinePerCaseInOrderSkippingBlankLines()
    {
        var path = TempFile(
            """{"gold": "5", "response": "\\boxed{5}"}""",
            "",
            """{"gold": 27.0, "response": "Answer: 27"}""",
            """{"gold": "C", "response": "The answer is (B).", "kind": "choice"}""",
            """{"gold": "1", "response": "no idea"}""");
        var result = CliProcess.Run(["grade", "--input", path]);
        Assert.Equal(0, result.ExitCode);
        var outputs = Lines(result.Stdout).Select(Parse).ToList();
        var expected = new List<(bool Correct, string? Extracted)> { (true, "5"), (true, "27"), (false, "B"), (false, null) };
        Assert.Equal(expected, outputs);
    }

    [Fact]
    public void MalformedInputLineIsAnErrorNamingTheLine()
    {
        var path = TempFile("""{"gold": "5", "response": "5"}""", """{"gold": "5"}""", "not json");
        var result = CliProcess.Run(["grade", "--input", path]);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("line 2", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingResponseIsAnError()
    {
        var result = CliProcess.Run(["grade", "--gold", "5"]);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--response", result.Stderr, StringComparison.Ordinal);
    }

    private static string[] Lines(string stdout) => stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static (bool Correct, string? Extracted) Parse(string line)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        return (root.GetProperty("correct").GetBoolean(), root.GetProperty("extracted").GetString());
    }

    private static string TempFile(params string[] lines)
    {
        var path = Path.Combine(Path.GetTempPath(), $"g2rl-grade-{Guid.NewGuid():N}.jsonl");
        File.WriteAllLines(path, lines);
        return path;
    }
}
