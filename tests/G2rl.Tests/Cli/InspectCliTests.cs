using G2rl.Tests.Support;
using G2rl.Training;

namespace G2rl.Tests.Cli;

/// <summary><c>g2rl inspect</c> on a run directory with hand-written completions files.</summary>
public sealed class InspectCliTests : IDisposable
{
    private readonly TempDir temp = new();

    public void Dispose() => temp.Dispose();

    private static CompletionsLine Line(int step, int group, int sample, double advantage, string response, bool correct, double? nu = null) => new()
    {
        Step = step,
        Group = group,
        Sample = sample,
        ProblemId = $"prob-{group}",
        Prompt = $"What is {group}+1?",
        Response = response,
        ResponseTokens = [1, 2, 3],
        NumTokens = 3,
        FinishReason = "eos",
        ExtractedAnswer = correct ? $"{group + 1}" : null,
        Correct = correct,
        BaseReward = correct ? 1 : -1,
        RewardBreakdown = new Dictionary<string, double> { ["verifier"] = correct ? 1 : -1 },
        ShapedReward = correct ? 1.2 : -0.8,
        Nu = nu,
        PhiCosine = nu is null ? null : 0.25,
        Advantage = advantage,
    };

    private string Run()
    {
        var dir = temp.Sub("run");
        CompletionsFile.Write(dir, 1, [Line(1, 0, 0, 0.5, "early", true)]);
        CompletionsFile.Write(dir, 2,
        [
            Line(2, 0, 0, -1.1, "low advantage", false, 0.9), Line(2, 0, 1, 1.3, "top advantage", true, 0.1), Line(2, 0, 2, 0.2, "middle\nline", true, 0.5),
            Line(2, 1, 0, 0.0, "other group", false),
        ]);
        return dir;
    }

    [Fact]
    public void PrintsTheLatestStepsGroupsSortedByAdvantage()
    {
        var r = CliProcess.Run(["inspect", Run()]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("step 2 · group 0 · problem prob-0 · 2/3 correct · prompt: What is 0+1?", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("step 2 · group 1 · problem prob-1", r.Stdout, StringComparison.Ordinal);
        var top = r.Stdout.IndexOf("top advantage", StringComparison.Ordinal);
        var middle = r.Stdout.IndexOf("middle⏎line", StringComparison.Ordinal);
        var low = r.Stdout.IndexOf("low advantage", StringComparison.Ordinal);
        Assert.True(top >= 0 && top < middle && middle < low, r.Stdout);
        var row = r.Stdout.Split('\n').Single(l => l.Contains("top advantage", StringComparison.Ordinal));
        Assert.Matches(@"^\| +1 \| +1\.300 \| +1\.000 \| +1\.200 \| +0\.100 \| +0\.250 \| yes +\| eos +\| +3 \| 1 +\| top advantage \|$", row);
        Assert.DoesNotContain("early", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void StepAndGroupSelectOneTable()
    {
        var dir = Run();
        var r = CliProcess.Run(["inspect", dir, "--step", "2", "--group", "1"]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("other group", r.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("top advantage", r.Stdout, StringComparison.Ordinal);
        var first = CliProcess.Run(["inspect", dir, "--step", "1"]);
        Assert.Contains("early", first.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingStepsAndRunsAreOneLineErrors()
    {
        var dir = Run();
        var r = CliProcess.Run(["inspect", dir, "--step", "7"]);
        Assert.Equal(1, r.ExitCode);
        Assert.Equal($"error: {dir}: no completions for step 7; available steps: 1, 2", r.Stderr.Trim());
        var g = CliProcess.Run(["inspect", dir, "--group", "5"]);
        Assert.Equal("error: step 2 has groups 0–1, not 5", g.Stderr.Trim());
        var none = CliProcess.Run(["inspect", temp.Sub("empty")]);
        Assert.Equal(1, none.ExitCode);
        Assert.Contains("no completions files", none.Stderr, StringComparison.Ordinal);
    }
}
