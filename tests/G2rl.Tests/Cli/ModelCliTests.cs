using System.Text.Json;
using G2rl.Tests.Support;
using G2rl.Tokenization;
using Xunit.Abstractions;

namespace G2rl.Tests.Cli;

/// <summary>`g2rl score` and `g2rl generate` as a user runs them, against the transformers fixtures.</summary>
public sealed class ModelCliTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDir temp = new();

    public void Dispose() => temp.Dispose();

    private string FixtureInput(string name)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(FixtureModels.Dir(name), "expected.json")));
        var path = temp.Sub("input.json");
        File.WriteAllText(path, JsonSerializer.Serialize(new
        {
            input_ids = doc.RootElement.GetProperty("input_ids"),
            attention_mask = doc.RootElement.GetProperty("attention_mask"),
        }));
        return path;
    }

    [Theory]
    [InlineData("tiny-qwen3-tied")]
    [InlineData("tiny-qwen3-untied-sharded")]
    public void ScorePrintsTransformersTokenLogprobs(string name)
    {
        var expectedFrom = name.Replace("-sharded", "", StringComparison.Ordinal);
        var run = CliProcess.Run(["score", "--model", FixtureModels.Dir(name), "--input", FixtureInput(expectedFrom)]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        using var got = JsonDocument.Parse(run.Stdout);
        using var exp = JsonDocument.Parse(File.ReadAllText(Path.Combine(FixtureModels.Dir(expectedFrom), "expected.json")));
        var mask = exp.RootElement.GetProperty("attention_mask");
        double worst = 0;
        for (var b = 0; b < 2; b++)
        {
            var row = got.RootElement.GetProperty("token_logprobs")[b];
            Assert.Equal(11, row.GetArrayLength());
            for (var t = 0; t < 11; t++)
            {
                var value = row[t].GetDouble();
                if (mask[b][t + 1].GetInt32() == 0)
                {
                    Assert.Equal(0.0, value);
                    continue;
                }
                worst = Math.Max(worst, Math.Abs(value - exp.RootElement.GetProperty("token_logprobs")[b][t].GetDouble()));
            }
        }
        output.WriteLine($"{name}: g2rl score max |Δ| vs transformers = {worst:E3}");
        Assert.True(worst <= 1e-4);
    }

    [Fact]
    public void GenerateGreedyPrintsTransformersTokens()
    {
        var run = CliProcess.Run(["generate", "--model", FixtureModels.Dir("tiny-qwen3-untied"), "--input", FixtureInput("tiny-qwen3-untied"), "--max-new-tokens", "16", "--greedy"]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        using var got = JsonDocument.Parse(run.Stdout);
        using var exp = JsonDocument.Parse(File.ReadAllText(Path.Combine(FixtureModels.Dir("tiny-qwen3-untied"), "expected.json")));
        static int[][] Rows(JsonElement e) => e.EnumerateArray().Select(r => r.EnumerateArray().Select(x => x.GetInt32()).ToArray()).ToArray();
        Assert.Equal(Rows(exp.RootElement.GetProperty("greedy_16")), Rows(got.RootElement.GetProperty("tokens")));
    }

    [Fact]
    public void GenerateTextPromptsPrintsOneJsonLinePerSampleAndRepeatsWithSeed()
    {
        var dir = temp.CopyOf(FixtureModels.Dir("tiny-qwen3-tied"), "withtok");
        new CharTokenizer("abcdefghijklmnopqrstuvwxyz ".Select(c => c.ToString())).Save(dir);
        string[] args = ["generate", "--model", dir, "--prompt", "hello world", "--samples", "3", "--temperature", "1.2", "--seed", "7", "--max-new-tokens", "5"];
        var a = CliProcess.Run(args);
        Assert.True(a.ExitCode == 0, a.Stderr);
        var lines = a.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        for (var i = 0; i < 3; i++)
        {
            using var line = JsonDocument.Parse(lines[i]);
            Assert.Equal(i, line.RootElement.GetProperty("sample").GetInt32());
            Assert.Equal("hello world", line.RootElement.GetProperty("prompt").GetString());
            Assert.True(line.RootElement.GetProperty("response_ids").GetArrayLength() is > 0 and <= 5);
        }
        Assert.Equal(a.Stdout, CliProcess.Run(args).Stdout);
    }

    [Fact]
    public void MalformedInputIsAnErrorNamingFileAndRow()
    {
        var path = temp.Sub("bad.json");
        File.WriteAllText(path, """{"input_ids": [[1, 2, 3], [4, 5]]}""");
        var run = CliProcess.Run(["score", "--model", FixtureModels.Dir("tiny-qwen3-tied"), "--input", path]);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("bad.json", run.Stderr);
        Assert.Contains("row 1", run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr);
        File.WriteAllText(path, """{"input_ids": [[1, 2, 999]]}""");
        Assert.Contains("outside the vocabulary", CliProcess.Run(["score", "--model", FixtureModels.Dir("tiny-qwen3-tied"), "--input", path]).Stderr);
    }

    [Fact]
    public void UnknownOptionAndMissingCudaAreClearErrors()
    {
        var unknown = CliProcess.Run(["score", "--model", "x", "--input", "y", "--bogus"]);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("--bogus", unknown.Stderr);
        if (Environment.GetEnvironmentVariable("G2RL_LIBTORCH") is null)
        {
            var cuda = CliProcess.Run(["score", "--model", FixtureModels.Dir("tiny-qwen3-tied"), "--input", FixtureInput("tiny-qwen3-tied"), "--device", "cuda"]);
            Assert.NotEqual(0, cuda.ExitCode);
            Assert.Contains("G2RL_LIBTORCH", cuda.Stderr);
        }
    }
}
