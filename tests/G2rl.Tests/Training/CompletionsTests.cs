using System.Text.Json;
using G2rl.Rl;
using G2rl.Tests.Support;
using G2rl.Training;
using G2rl.Training.Config;

namespace G2rl.Tests.Training;

/// <summary>The completions files of a run: when they are written, their fields, and that they agree with each other.</summary>
public sealed class CompletionsTests : IDisposable
{
    private static readonly string[] Fields =
    [
        "step", "group", "sample", "problem_id", "prompt", "response", "response_tokens", "num_tokens", "finish_reason", "extracted_answer",
        "correct", "base_reward", "reward_breakdown", "shaped_reward", "nu", "phi_cosine", "advantage",
    ];

    private readonly TempDir temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void G2rlRunWritesEveryFieldAndTheAdvantagesAreTheGroupStandardisedShapedRewards()
    {
        var config = TinyTraining.Config(temp.Sub("run"), c => c with
        {
            Exploration = new ExplorationSection { Method = "g2rl" },
            Log = new LogSection { CompletionsEvery = 2 },
            Run = c.Run with { Steps = 3 },
        });
        using var context = TinyTraining.Context(config, ExplorationFactory.Create(config));
        new TrainingRun(config, context).Execute(CancellationToken.None);
        Assert.Equal([2], CompletionsFile.Steps(config.Run.OutputDir));
        var path = CompletionsFile.PathOf(config.Run.OutputDir, 2);
        Assert.EndsWith(Path.Combine("completions", "step-000002.jsonl"), path, StringComparison.Ordinal);
        var raw = File.ReadAllLines(path);
        Assert.Equal(12, raw.Length);
        using (var doc = JsonDocument.Parse(raw[0]))
        {
            Assert.Equal(Fields, doc.RootElement.EnumerateObject().Select(p => p.Name));
        }
        var lines = CompletionsFile.Read(path);
        foreach (var group in lines.GroupBy(l => l.Group))
        {
            var g = group.OrderBy(l => l.Sample).ToList();
            Assert.Equal([0, 1, 2, 3], g.Select(l => l.Sample));
            var expected = Advantages.ComputeLoop([[.. g.Select(l => (float)l.ShapedReward)]], AdvantageEstimator.Grpo)[0];
            for (var j = 0; j < g.Count; j++)
            {
                Assert.Equal(expected[j], g[j].Advantage, 1e-5); // a tolerance, not rounding to 5 places (which flips at a boundary)
                Assert.Equal(g[j].Correct ? 1.0 : -1.0, g[j].BaseReward);
                Assert.NotNull(g[j].Nu);
                Assert.InRange(g[j].Nu!.Value, 0, 1);
                Assert.InRange(g[j].PhiCosine!.Value, -1 - 1e-9, 1 + 1e-9);
                Assert.Equal(g[j].NumTokens, g[j].ResponseTokens.Count);
                Assert.Equal(context.Tokenizer.Decode([.. g[j].ResponseTokens], skipSpecialTokens: true), g[j].Response);
                Assert.Contains(g[j].FinishReason, new[] { "eos", "stop", "length" });
            }
            Assert.Equal(context.TrainProblems.Single(p => p.Id == g[0].ProblemId).Question, g[0].Prompt);
        }
    }

    [Fact]
    public void OtherMethodsLeaveNuAndPhiNullAndCompletionsCanBeTurnedOff()
    {
        var config = TinyTraining.Config(temp.Sub("run"), c => c with { Run = c.Run with { Steps = 2 } });
        using (var context = TinyTraining.Context(config))
        {
            new TrainingRun(config, context).Execute(CancellationToken.None);
        }
        Assert.Equal([1, 2], CompletionsFile.Steps(config.Run.OutputDir));
        var lines = CompletionsFile.Read(CompletionsFile.PathOf(config.Run.OutputDir, 1));
        Assert.All(lines, l => Assert.Null(l.Nu));
        Assert.All(lines, l => Assert.Null(l.PhiCosine));
        Assert.All(lines, l => Assert.Equal(l.BaseReward, l.ShapedReward));
        Assert.Contains("\"nu\":null", File.ReadAllLines(CompletionsFile.PathOf(config.Run.OutputDir, 1))[0], StringComparison.Ordinal);

        var off = TinyTraining.Config(temp.Sub("off"), c => c with { Log = new LogSection { CompletionsEvery = 0 }, Run = c.Run with { Steps = 1 } });
        using (var context = TinyTraining.Context(off))
        {
            new TrainingRun(off, context).Execute(CancellationToken.None);
        }
        Assert.Empty(CompletionsFile.Steps(off.Run.OutputDir));
    }
}
