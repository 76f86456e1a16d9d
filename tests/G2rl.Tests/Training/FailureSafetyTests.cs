using System.Text.Json;
using G2rl.Data;
using G2rl.Grading;
using G2rl.Tests.Support;
using G2rl.Training;
using TorchSharp;

namespace G2rl.Tests.Training;

/// <summary>A failure after training starts saves first; non-finite updates are rolled back (issue 16 items 3 and 4).</summary>
public sealed class FailureSafetyTests : IDisposable
{
    private readonly TempDir temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void An_exception_inside_the_loop_writes_an_emergency_checkpoint_of_the_last_good_state_first()
    {
        var config = TinyTraining.Config(temp.Sub("run"), c => c with { Run = c.Run with { Steps = 5 } });
        using var context = TinyTraining.Context(config);
        var failing = new TrainingContext
        {
            Policy = context.Policy,
            Tokenizer = context.Tokenizer,
            TrainProblems = context.TrainProblems,
            Verifier = new FailingVerifier(failAfterCalls: 2 * 12),
            Template = context.Template,
            Exploration = context.Exploration,
        };
        var error = Assert.Throws<TrainingFailedException>(() => new TrainingRun(config, failing).Execute(CancellationToken.None));
        Assert.Contains("step 3 failed", error.Message);
        Assert.EndsWith("step-000002", error.EmergencyCheckpoint);
        using var marker = JsonDocument.Parse(File.ReadAllText(Path.Combine(error.EmergencyCheckpoint!, TrainingRun.EmergencyMarker)));
        Assert.True(marker.RootElement.GetProperty("emergency").GetBoolean());
        Assert.Contains("grader exploded", marker.RootElement.GetProperty("error").GetString());

        // The emergency checkpoint is the state after step 2: a clean 2-step run reaches the same weights.
        var clean = TinyTraining.Config(temp.Sub("clean"), c => c with { Run = c.Run with { Steps = 2 } });
        using var reference = TinyTraining.Context(clean);
        new TrainingRun(clean, reference).Execute(CancellationToken.None);
        using var restored = TinyTraining.Context(clean);
        using var trainer = new GrpoTrainer(clean, restored);
        Assert.Equal(2, Checkpointer.Restore(error.EmergencyCheckpoint!, restored.Policy, trainer.Optimizer).Step);
        var expected = reference.Policy.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        foreach (var (name, p) in restored.Policy.named_parameters())
        {
            Assert.True(p.eq(expected[name]).all().item<bool>(), name);
        }
    }

    [Fact]
    public void An_update_that_makes_weights_non_finite_is_rolled_back_counted_and_never_saved()
    {
        // lr 1e300 overflows float32 in the AdamW update: every parameter it touches becomes ±inf or NaN.
        var config = TinyTraining.Config(temp.Sub("run"), c => c with
        {
            Optim = c.Optim with { Lr = 1e300 },
            Run = c.Run with { Steps = 6, MaxBadSteps = 2 },
            Checkpoint = c.Checkpoint with { Every = 1 },
        });
        using var context = TinyTraining.Context(config);
        var before = context.Policy.named_parameters().ToDictionary(p => p.name, p => p.parameter.clone());
        var outcome = new TrainingRun(config, context).Execute(CancellationToken.None);
        Assert.Equal(TrainingStop.TooManyBadSteps, outcome.Stop);
        Assert.Null(outcome.LatestCheckpoint);
        Assert.False(Directory.Exists(Path.Combine(config.Run.OutputDir, "checkpoints")) && Directory.EnumerateDirectories(Path.Combine(config.Run.OutputDir, "checkpoints")).Any());
        foreach (var (name, p) in context.Policy.named_parameters())
        {
            Assert.True(p.eq(before[name]).all().item<bool>(), $"{name} was not rolled back");
        }
        var lines = File.ReadAllLines(Path.Combine(config.Run.OutputDir, "metrics.jsonl"));
        Assert.Equal(2, lines.Length);
        Assert.All(lines, l => Assert.Equal(1, JsonDocument.Parse(l).RootElement.GetProperty("train/rolled_back").GetDouble()));
    }

    [Fact]
    public void A_snapshot_restores_weights_and_optimizer_state_exactly()
    {
        var config = TinyTraining.Config(temp.Sub("run"));
        using var context = TinyTraining.Context(config);
        using var trainer = new GrpoTrainer(config, context);
        trainer.Step(0);
        var weights = context.Policy.named_parameters().ToDictionary(p => p.name, p => p.parameter.clone());
        var state = trainer.Optimizer.StateTensors().ToDictionary(t => t.Name, t => t.Tensor.clone());
        using (var snapshot = StepSnapshot.Take(trainer.Optimizer))
        {
            trainer.Step(1);
            using (torch.no_grad())
            {
                context.Policy.parameters().First().fill_(float.NaN);
            }
            Assert.False(StepSnapshot.IsHealthy(context.Policy, null));
            snapshot.Restore(trainer.Optimizer);
        }
        Assert.True(StepSnapshot.IsHealthy(context.Policy, [1, 2, 3]));
        Assert.Equal(1, trainer.Optimizer.StepCount);
        foreach (var (name, p) in context.Policy.named_parameters())
        {
            Assert.True(p.eq(weights[name]).all().item<bool>(), name);
        }
        foreach (var (name, t) in trainer.Optimizer.StateTensors())
        {
            Assert.True(t.eq(state[name]).all().item<bool>(), name);
        }
    }

    private sealed class FailingVerifier(int failAfterCalls) : IProblemVerifier
    {
        private int calls;

        public GradeResult Verify(Problem problem, string response) =>
            ++calls > failAfterCalls ? throw new InvalidOperationException("grader exploded") : new TinyTraining.LowerHalfVerifier().Verify(problem, response);
    }
}
