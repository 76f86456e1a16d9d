using System.Text.Json;
using G2rl.Tests.Support;
using G2rl.Training;

namespace G2rl.Tests.Training;

/// <summary>Resuming from an older checkpoint starts a new branch: newer checkpoints moved aside, logs hold each step once (issue 16 item 1).</summary>
public sealed class ResumeBranchTests : IDisposable
{
    private readonly TempDir temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Resuming_from_an_older_checkpoint_moves_the_newer_ones_aside_and_truncates_metrics_and_tensorboard()
    {
        var config = TinyTraining.Config(temp.Sub("run"), c => c with { Run = c.Run with { Steps = 4 }, Checkpoint = c.Checkpoint with { Every = 1, KeepLast = 10 } });
        using (var context = TinyTraining.Context(config))
        {
            new TrainingRun(config, context).Execute(CancellationToken.None);
        }
        var checkpoints = Path.Combine(config.Run.OutputDir, "checkpoints");
        var shorter = config with { Run = config.Run with { Steps = 3 } };
        using var resumed = TinyTraining.Context(shorter);
        var outcome = new TrainingRun(shorter, resumed).Execute(CancellationToken.None, resumeFrom: Path.Combine(checkpoints, "step-000002"));

        Assert.EndsWith("step-000003", outcome.LatestCheckpoint);
        Assert.Equal(["step-000001", "step-000002", "step-000003"], Directory.GetDirectories(checkpoints, "step-*").Select(Path.GetFileName).Order());
        var aside = Assert.Single(Directory.GetDirectories(checkpoints, "abandoned-*"));
        Assert.Equal(["step-000003", "step-000004"], Directory.GetDirectories(aside).Select(Path.GetFileName).Order());

        var steps = File.ReadAllLines(Path.Combine(config.Run.OutputDir, "metrics.jsonl")).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("step").GetInt32());
        Assert.Equal([1, 2, 3], steps);
        var scalarSteps = Directory.GetFiles(Path.Combine(config.Run.OutputDir, "tensorboard"), "*tfevents*", SearchOption.AllDirectories)
            .SelectMany(f => TensorBoardTruncation.Records(File.ReadAllBytes(f)).Select(r => r.Step))
            .Where(s => s > 0)
            .ToList();
        Assert.NotEmpty(scalarSteps);
        Assert.Equal([1, 2, 3], scalarSteps.Distinct().Order());
        // Each step's scalars appear once: as many records for step 3 (the resumed branch) as for step 1.
        Assert.Equal(scalarSteps.Count(s => s == 1), scalarSteps.Count(s => s == 3));
    }

    [Fact]
    public void Orphaned_temporary_checkpoint_folders_are_removed_at_start()
    {
        var config = TinyTraining.Config(temp.Sub("run"), c => c with { Run = c.Run with { Steps = 1 } });
        var orphan = Path.Combine(config.Run.OutputDir, "checkpoints", ".step-000007.tmp-0123abcd");
        Directory.CreateDirectory(orphan);
        File.WriteAllText(Path.Combine(orphan, "optimizer.safetensors"), "half");
        using var context = TinyTraining.Context(config);
        new TrainingRun(config, context).Execute(CancellationToken.None, overwrite: true);
        Assert.False(Directory.Exists(orphan));
    }

    [Fact]
    public void A_torn_last_metrics_line_and_a_torn_tensorboard_record_are_dropped()
    {
        var run = temp.Sub("torn");
        using (var log = new MetricsLog(run, append: false))
        {
            log.Write(1, new Dictionary<string, double> { ["a"] = 1 });
            log.Write(2, new Dictionary<string, double> { ["a"] = 2 });
        }
        File.AppendAllText(Path.Combine(run, "metrics.jsonl"), "{\"step\": 3, \"a\"");
        MetricsLog.TruncateAfter(run, 5);
        Assert.Equal(2, File.ReadAllLines(Path.Combine(run, "metrics.jsonl")).Length);
        var events = Directory.GetFiles(Path.Combine(run, "tensorboard"), "*tfevents*", SearchOption.AllDirectories).Single();
        var complete = File.ReadAllBytes(events);
        // A record header that promises 100 bytes, then only 5 of them (a writer killed mid-record).
        File.AppendAllBytes(events, [.. BitConverter.GetBytes(100UL), 0, 0, 0, 0, 1, 2, 3, 4, 5]);
        MetricsLog.TruncateAfter(run, 5);
        Assert.Equal(complete, File.ReadAllBytes(events));
    }
}
