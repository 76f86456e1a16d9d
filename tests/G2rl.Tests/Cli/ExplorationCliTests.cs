using System.Text.Json;
using G2rl.Exploration;
using G2rl.Tests.Support;
using G2rl.Tokenization;

namespace G2rl.Tests.Cli;

/// <summary>`g2rl features`, `g2rl shape` and `g2rl analyze` as a user runs them.</summary>
public sealed class ExplorationCliTests : IDisposable
{
    private readonly TempDir temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void FeaturesPrintsSequenceMeanOfTokenFeaturesFromResponseStart()
    {
        var input = temp.Sub("in.json");
        File.WriteAllText(input, """{"input_ids": [[5, 6, 7, 8, 9, 10], [0, 0, 11, 12, 13, 14]], "attention_mask": [[1,1,1,1,1,1],[0,0,1,1,1,1]], "response_start": [3, 4]}""");
        var run = CliProcess.Run(["features", "--model", FixtureModels.Dir("tiny-qwen3-untied"), "--input", input, "--temperature", "0.8", "--per-token"]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        using var doc = JsonDocument.Parse(run.Stdout);
        var seq = doc.RootElement.GetProperty("sequence_features");
        var tok = doc.RootElement.GetProperty("token_features");
        Assert.Equal(2, seq.GetArrayLength());
        Assert.Equal(64, seq[0].GetArrayLength());
        Assert.Equal(5, tok[0].GetArrayLength());
        int[] starts = [3, 4];
        for (var b = 0; b < 2; b++)
        {
            var used = Enumerable.Range(0, 5).Where(t => t + 1 >= starts[b]).ToList();
            for (var t = 0; t < 5; t++)
            {
                var norm = tok[b][t].EnumerateArray().Sum(x => Math.Abs(x.GetDouble()));
                Assert.True(used.Contains(t) ? norm > 0 : norm == 0, $"row {b} target {t}");
            }
            for (var k = 0; k < 64; k++)
            {
                var mean = used.Average(t => tok[b][t][k].GetDouble());
                Assert.True(Math.Abs(mean - seq[b][k].GetDouble()) < 1e-6, $"row {b} dim {k}");
            }
        }
    }

    [Fact]
    public void ShapePrintsNuShapedRewardsAndAdvantages()
    {
        var input = temp.Sub("group.json");
        File.WriteAllText(input, """{"features": [[1, 0], [2, 0], [0, 1], [0, -3]], "rewards": [1, 1, -1, 1], "lambda": 0.5, "mode": "printed", "clip": 3}""");
        var run = CliProcess.Run(["shape", "--input", input]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        using var doc = JsonDocument.Parse(run.Stdout);
        var nu = doc.RootElement.GetProperty("nu").EnumerateArray().Select(x => x.GetDouble()).ToArray();
        var expected = GroupExplorationScore.Nu([[1, 0], [2, 0], [0, 1], [0, -3]], [1, 1, -1, 1]);
        Assert.Equal(expected.Select(v => Math.Round(v, 6)), nu.Select(v => Math.Round(v, 6)));
        var shaped = doc.RootElement.GetProperty("shaped_rewards").EnumerateArray().Select(x => x.GetDouble()).ToArray();
        var nuBar = RewardShaping.MinMax(expected);
        Assert.Equal(RewardShaping.Shape([1, 1, -1, 1], nuBar, 0.5, ShapingMode.Printed, 3).Select(v => Math.Round(v, 6)), shaped.Select(v => Math.Round(v, 6)));
        var adv = doc.RootElement.GetProperty("advantages").EnumerateArray().Select(x => x.GetDouble()).ToArray();
        Assert.Equal(0, adv.Sum(), 5);
        File.WriteAllText(input, """{"features": [[1, 0]], "rewards": [1, 2]}""");
        Assert.Equal(1, CliProcess.Run(["shape", "--input", input]).ExitCode);
    }

    [Fact]
    public void AnalyzeWritesSummaryAndHistograms()
    {
        var model = temp.CopyOf(FixtureModels.Dir("tiny-qwen3-tied"), "model");
        new CharTokenizer("abcdefghijklmnopqrstuvwxyz ".Select(c => c.ToString())).Save(model);
        var problems = temp.Sub("p.jsonl");
        File.WriteAllLines(problems, Enumerable.Range(0, 3).Select(i => JsonSerializer.Serialize(new { id = $"q{i}", question = "abc def " + (char)('a' + i), answer = "x" })));
        var outDir = temp.Sub("geo");
        var run = CliProcess.Run(["analyze", "--model", model, "--compare", model, "--bench", problems, "--problems", "3", "--samples", "4", "--template", "{question}", "--max-new-tokens", "6", "--no-embedding", "--out", outDir]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("Φ cos mean", run.Stdout);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
        Assert.Equal(2, summary.RootElement.GetArrayLength());
        Assert.Equal(3 * 6, summary.RootElement[0].GetProperty("gradient").GetProperty("pairs").GetInt32());
        Assert.True(new FileInfo(Path.Combine(outDir, "gradient_cosine_hist.png")).Length > 1000);
    }
}
