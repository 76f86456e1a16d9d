using G2rl.Demo;
using G2rl.Study;
using G2rl.Tasks;
using G2rl.Training;
using G2rl.Training.Config;

namespace G2rl.Tests.Study;

public sealed class DemoPresetTests
{
    /// <summary>The run config the demo built before it became a study preset (DemoRunner.Config at 301c631), written out literally.</summary>
    private static TrainConfig PreviousDemoConfig(DemoOptions o, string method, int seedIndex, string baseDir) => new()
    {
        Model = new ModelSection { Path = baseDir, Device = o.Device },
        Data = new DataSection { Train = [o.Task], Eval = [], Template = "{question}" },
        Rollout = new RolloutSection { GroupSize = o.GroupSize, PromptsPerStep = o.PromptsPerStep, Temperature = 1.0, MaxNewTokens = o.MaxNewTokens },
        Optim = new OptimSection { Lr = o.Lr, WeightDecay = 0.0, GradClip = 1.0 },
        Batch = new BatchSection { MicroBatchSize = o.PromptsPerStep * o.GroupSize },
        Loss = new LossSection(),
        // The previous demo built EVOL with tail 0 (whole response) in code; the preset says so in the config.
        Exploration = new ExplorationSection { Method = method == "grpo" ? "none" : method, EvolTailChars = method == "evol" ? 0 : 1000 },
        Checkpoint = new CheckpointSection { Every = 0, KeepLast = 1 },
        Run = new RunSection { Steps = o.Steps, Seed = o.Seed + (1000 * (seedIndex + 1)), OutputDir = Path.Combine(o.OutputDirectory, "runs", $"{method}-seed{seedIndex}") },
    };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_demo_preset_equals_the_previous_demo(bool quick)
    {
        var o = (quick ? DemoOptions.QuickProfile : new DemoOptions()) with { MaxNewTokens = 17 };
        var task = new CountdownTask();
        var split = TaskSplits.Create(task, o.Seed, o.TrainProblems, o.HeldOutProblems, o.Difficulty);
        var plan = DemoPreset.Plan(o, task, split, "/base");

        Assert.Equal(["grpo", "entropy", "evol", "g2rl"], plan.Methods.Select(m => m.Name));
        Assert.Equal(o.Seeds, plan.Seeds);
        foreach (var method in plan.Methods)
        {
            foreach (var k in Enumerable.Range(0, plan.Seeds))
            {
                Assert.Equal(ConfigLoader.ToJson(PreviousDemoConfig(o, method.Name, k, "/base")), ConfigLoader.ToJson(plan.RunConfig(method, k)));
            }
        }
        Assert.Equal(new StudyEval
        {
            Samples = o.EvalSamples, Temperature = 0.8, MaxNewTokens = 17, GeometryProblems = o.GeometryProblems, GeometrySamples = o.GeometrySamples,
            Embedding = true, EmbeddingMaxTokens = 64, PromptsPerCall = 32, Limit = 0,
        }, plan.Eval);
        Assert.Equal(Seeds.Derive(1, "demo-eval", 0), plan.EvalSeed);
        Assert.Equal(1, plan.StatisticsSeed);
        Assert.Same(split.HeldOut, plan.HeldOut);
        Assert.Same(split.Train, plan.Train);
        Assert.Equal(split.HeldOut[0].Question, plan.Prompt.Render(split.HeldOut[0]));
    }

    [Fact]
    public void The_demo_options_are_the_previous_ones()
    {
        // Defaults and the quick profile as they were at 301c631, except the task: arithmetic since the geometry protocol of
        // docs/demo.md chose it (the only candidate base meeting its criterion).
        var d = new DemoOptions();
        Assert.Equal((3, 100, 1000, 200, 1000, 8, 8, 2e-4, 8, 0.8, 30, 8, 1, "arithmetic", 1),
            (d.Seeds, d.Steps, d.TrainProblems, d.HeldOutProblems, d.SftSteps, d.PromptsPerStep, d.GroupSize, d.Lr, d.EvalSamples, d.EvalTemperature,
             d.GeometryProblems, d.GeometrySamples, d.Seed, d.Task, d.Difficulty));
        var q = DemoOptions.QuickProfile;
        Assert.Equal((true, 1, 12, 400, 60, 300, 12, 6), (q.Quick, q.Seeds, q.Steps, q.TrainProblems, q.HeldOutProblems, q.SftSteps, q.GeometryProblems, q.GeometrySamples));
    }
}
