using System.Text.Json;
using G2rl.Tests.Support;

namespace G2rl.Tests.Cli;

/// <summary><c>eval</c> keeps finished work (issue 16 item 6).</summary>
[Collection(InProcessCliCollection.Name)]
public sealed class EvalKeepsWorkTests : IDisposable
{
    private readonly TempDir temp = new();
    private readonly CliFixtures files;

    public EvalKeepsWorkTests() => files = new CliFixtures(temp);

    public void Dispose() => temp.Dispose();

    [Fact]
    public void An_unusable_out_folder_is_refused_before_any_sampling()
    {
        var blocker = temp.Write("blocker", "a file");
        var result = InProcessCli.Run("eval", "--model", files.Model, "--bench", files.Problems, "--samples", "1", "--max-new-tokens", "2", "--template", "{question}", "--out", blocker);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--out", result.Stderr);
    }

    [Fact]
    public void A_failing_benchmark_is_named_and_the_others_are_written()
    {
        // The second benchmark's prompt is longer than the tiny model's context (256): it fails inside sampling.
        var tooLong = temp.Write("toolong.jsonl", "{\"id\": \"x\", \"question\": \"" + new string('1', 300) + "\", \"answer\": \"1\"}\n");
        var outDir = temp.Sub("out");
        var result = InProcessCli.Run("eval", "--model", files.Model, "--bench", $"{files.Problems},{tooLong}", "--samples", "2", "--max-new-tokens", "2",
            "--template", "{question}", "--out", outDir);
        Assert.Equal(1, result.ExitCode);
        var last = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1];
        Assert.StartsWith("error: 1 benchmark(s) failed: toolong:", last);
        Assert.Contains("kept", last);
        var samples = File.ReadAllLines(Path.Combine(outDir, "samples.jsonl"));
        Assert.Equal(6 * 2, samples.Length);
        Assert.All(samples, s => Assert.Equal("problems", JsonDocument.Parse(s).RootElement.GetProperty("benchmark").GetString()));
        Assert.True(File.Exists(Path.Combine(outDir, "benchmark-problems.json")));
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
        Assert.Equal(6, summary.RootElement.GetProperty("summary").GetProperty("micro").GetProperty("problems").GetInt32());
    }

    [Fact]
    public void Each_benchmark_is_written_as_it_finishes()
    {
        var second = temp.Write("second.jsonl", File.ReadAllText(files.Problems));
        var outDir = temp.Sub("out");
        var result = InProcessCli.Run("eval", "--model", files.Model, "--bench", $"{files.Problems},{second}", "--samples", "1", "--max-new-tokens", "2",
            "--template", "{question}", "--out", outDir);
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.True(File.Exists(Path.Combine(outDir, "benchmark-problems.json")));
        Assert.True(File.Exists(Path.Combine(outDir, "benchmark-second.json")));
        Assert.Equal(12, File.ReadAllLines(Path.Combine(outDir, "samples.jsonl")).Length);
    }
}
