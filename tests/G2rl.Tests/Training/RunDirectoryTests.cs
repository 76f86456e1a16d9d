using G2rl.Tests.Support;
using G2rl.Training;

namespace G2rl.Tests.Training;

/// <summary>A run directory is never silently reused (issue 16 item 1).</summary>
public sealed class RunDirectoryTests : IDisposable
{
    private readonly TempDir temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void A_second_run_into_a_used_directory_is_refused_naming_resume_and_overwrite_and_leaves_it_untouched()
    {
        var config = TinyTraining.Config(temp.Sub("run"), c => c with { Run = c.Run with { Steps = 2 }, Checkpoint = c.Checkpoint with { Every = 1 } });
        using (var context = TinyTraining.Context(config))
        {
            new TrainingRun(config, context).Execute(CancellationToken.None);
        }
        var metrics = File.ReadAllText(Path.Combine(config.Run.OutputDir, "metrics.jsonl"));
        var other = config with { Run = config.Run with { Steps = 3, Seed = 99 } };
        using var second = TinyTraining.Context(other);
        var error = Assert.Throws<G2rlException>(() => new TrainingRun(other, second).Execute(CancellationToken.None));
        Assert.Contains("--resume", error.Message);
        Assert.Contains("--overwrite", error.Message);
        Assert.Equal(metrics, File.ReadAllText(Path.Combine(config.Run.OutputDir, "metrics.jsonl")));
        Assert.Contains("\"seed\": 11", File.ReadAllText(Path.Combine(config.Run.OutputDir, "config.resolved.json")));
    }

    [Fact]
    public void Overwrite_replaces_the_earlier_run()
    {
        var config = TinyTraining.Config(temp.Sub("run"), c => c with { Run = c.Run with { Steps = 2 }, Checkpoint = c.Checkpoint with { Every = 1, KeepLast = 5 } });
        using (var context = TinyTraining.Context(config))
        {
            new TrainingRun(config, context).Execute(CancellationToken.None);
        }
        var shorter = config with { Run = config.Run with { Steps = 1 } };
        using var second = TinyTraining.Context(shorter);
        var outcome = new TrainingRun(shorter, second).Execute(CancellationToken.None, overwrite: true);
        Assert.EndsWith("step-000001", outcome.LatestCheckpoint);
        Assert.Single(Directory.GetDirectories(Path.Combine(config.Run.OutputDir, "checkpoints")));
        Assert.Single(File.ReadAllLines(Path.Combine(config.Run.OutputDir, "metrics.jsonl")));
    }

    [Fact]
    public void Overwrite_refuses_a_directory_with_files_a_run_does_not_write()
    {
        var dir = temp.Sub("home");
        temp.Write("home/thesis.tex", "precious");
        var error = Assert.Throws<G2rlException>(() => RunDirectory.Prepare(dir, resuming: false, overwrite: true));
        Assert.Contains("thesis.tex", error.Message);
        Assert.True(File.Exists(Path.Combine(dir, "thesis.tex")));
    }

    [Fact]
    public void A_file_where_the_run_directory_should_be_is_one_clear_error()
    {
        var file = temp.Write("taken", "x");
        var error = Assert.Throws<G2rlException>(() => RunDirectory.Prepare(file, resuming: false, overwrite: false));
        Assert.Contains(file, error.Message);
    }
}
