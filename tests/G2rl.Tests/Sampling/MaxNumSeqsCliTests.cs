using G2rl.Tests.Cli;
using G2rl.Tests.Support;
using G2rl.Tokenization;

namespace G2rl.Tests.Sampling;

/// <summary>`g2rl generate --max-num-seqs`: any slot count gives the same seeded samples; a bad value is one clear line.</summary>
public sealed class MaxNumSeqsCliTests : IDisposable
{
    private readonly TempDir temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void GenerateGivesTheSameSamplesForAnyMaxNumSeqs()
    {
        var dir = temp.CopyOf(FixtureModels.Dir("tiny-qwen3-tied"), "withtok");
        new CharTokenizer("abcdefghijklmnopqrstuvwxyz ".Select(c => c.ToString())).Save(dir);
        var prompts = temp.Write("prompts.jsonl", "\"hello world\"\n\"abc\"\n");
        string[] args = ["generate", "--model", dir, "--prompts", prompts, "--samples", "3", "--temperature", "1.2", "--seed", "7", "--max-new-tokens", "6"];
        var all = CliProcess.Run(args);
        var one = CliProcess.Run([.. args, "--max-num-seqs", "1"]);
        Assert.True(all.ExitCode == 0, all.Stderr);
        Assert.True(one.ExitCode == 0, one.Stderr);
        Assert.Equal(6, all.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(all.Stdout, one.Stdout);
        var bad = CliProcess.Run([.. args, "--max-num-seqs", "0"]);
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("--max-num-seqs must be at least 1", bad.Stderr);
        Assert.DoesNotContain("   at ", bad.Stderr);
    }
}
