using G2rl.Tests.Support;
using G2rl.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace G2rl.Tests.Training;

/// <summary>Checkpoints resume bit-exactly and are written atomically.</summary>
public sealed class ResumeTests : IDisposable
{
    private readonly TempDir temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void StraightRunEqualsHalfThenResumeBitForBit()
    {
        var straightConfig = TinyTraining.Config(temp.Sub("straight"), c => c with { Loss = c.Loss with { KlCoef = 0.01 } });
        using var straight = TinyTraining.Context(straightConfig);
        var a = new TrainingRun(straightConfig, straight).Execute(CancellationToken.None);
        Assert.Equal(TrainingStop.Completed, a.Stop);

        var halfConfig = TinyTraining.Config(temp.Sub("halves"), c => c with { Loss = c.Loss with { KlCoef = 0.01 }, Run = c.Run with { Steps = 2 } });
        using (var first = TinyTraining.Context(halfConfig))
        {
            new TrainingRun(halfConfig, first).Execute(CancellationToken.None);
        }
        var fullConfig = halfConfig with { Run = halfConfig.Run with { Steps = 4 } };
        using var resumed = TinyTraining.Context(fullConfig);
        var b = new TrainingRun(fullConfig, resumed).Execute(CancellationToken.None, resumeFrom: fullConfig.Run.OutputDir);
        Assert.Equal(4, b.Steps);

        var pb = resumed.Policy.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        foreach (var (name, p) in straight.Policy.named_parameters())
        {
            Assert.True(p.eq(pb[name]).all().item<bool>(), $"{name} differs between the straight and the resumed run");
        }
        var straightLines = File.ReadAllLines(Path.Combine(straightConfig.Run.OutputDir, "metrics.jsonl"));
        var resumedLines = File.ReadAllLines(Path.Combine(fullConfig.Run.OutputDir, "metrics.jsonl"));
        Assert.Equal(4, resumedLines.Length);
        Assert.Equal(Strip(straightLines[3]), Strip(resumedLines[3]));
    }

    [Fact]
    public void CrashMidWriteLeavesThePreviousCheckpointLoadable()
    {
        var config = TinyTraining.Config(temp.Sub("run"), c => c with { Run = c.Run with { Steps = 1 } });
        using var context = TinyTraining.Context(config);
        using var trainer = new GrpoTrainer(config, context);
        var checkpointer = new Checkpointer(config.Run.OutputDir, keepLast: 2);
        trainer.Step(0);
        var first = checkpointer.Save(context.Policy, trainer.Optimizer, context.Tokenizer, trainer.State(1, 0, 0));
        trainer.Step(1);
        Assert.Throws<IOException>(() => checkpointer.Save(context.Policy, trainer.Optimizer, context.Tokenizer, trainer.State(2, 0, 0),
            beforeCommit: _ => throw new IOException("simulated crash")));
        Assert.Equal(first, checkpointer.Latest());
        Assert.Single(Directory.GetFileSystemEntries(checkpointer.Directory));
        using var other = TinyTraining.Context(config);
        using var otherTrainer = new GrpoTrainer(config, other);
        var state = Checkpointer.Restore(first, other.Policy, otherTrainer.Optimizer);
        Assert.Equal(1, state.Step);
        Assert.Equal(1, otherTrainer.Optimizer.StepCount);
    }

    [Fact]
    public void KeepsOnlyTheLastCheckpoints()
    {
        var config = TinyTraining.Config(temp.Sub("run"), c => c with { Run = c.Run with { Steps = 3 }, Checkpoint = c.Checkpoint with { Every = 1, KeepLast = 2 } });
        using var context = TinyTraining.Context(config);
        var outcome = new TrainingRun(config, context).Execute(CancellationToken.None);
        var dirs = Directory.GetDirectories(Path.Combine(config.Run.OutputDir, "checkpoints")).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(["step-000002", "step-000003"], dirs);
        Assert.EndsWith("step-000003", outcome.LatestCheckpoint);
        Assert.True(File.Exists(Path.Combine(outcome.LatestCheckpoint!, "model", "config.json")));
        Assert.True(File.Exists(Path.Combine(outcome.LatestCheckpoint!, "model", "tokenizer.json")));
        Assert.True(File.Exists(Path.Combine(config.Run.OutputDir, "config.resolved.json")));
    }

    [Fact]
    public void CancellationFinishesTheStepAndSaves()
    {
        var config = TinyTraining.Config(temp.Sub("run"), c => c with { Run = c.Run with { Steps = 50 } });
        using var context = TinyTraining.Context(config);
        using var cts = new CancellationTokenSource();
        var observer = new CancelAfter(2, cts);
        var outcome = new TrainingRun(config, context, observer).Execute(cts.Token);
        Assert.Equal(TrainingStop.Cancelled, outcome.Stop);
        Assert.Equal(2, outcome.Steps);
        Assert.EndsWith("step-000002", outcome.LatestCheckpoint);
    }

    private static string Strip(string line) =>
        string.Join(",", line.Trim('{', '}').Split(',').Where(kv => !kv.Contains("time", StringComparison.Ordinal) && !kv.Contains("tokens_per_second", StringComparison.Ordinal)));

    private sealed class CancelAfter(int steps, CancellationTokenSource cts) : ITrainingObserver
    {
        public void OnStep(int step, int totalSteps, IReadOnlyDictionary<string, double> metrics, TimeSpan elapsed)
        {
            if (step >= steps)
            {
                cts.Cancel();
            }
        }

        public void OnMessage(string message)
        {
        }
    }
}
