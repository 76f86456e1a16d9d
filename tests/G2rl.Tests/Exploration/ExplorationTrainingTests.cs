using G2rl.Data;
using G2rl.Exploration;
using G2rl.Grading;
using G2rl.Tests.Support;
using G2rl.Tests.Training;
using G2rl.Training;

namespace G2rl.Tests.Exploration;

/// <summary>The exploration seam inside a real training step.</summary>
public sealed class ExplorationTrainingTests : IDisposable
{
    private readonly TempDir temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void G2rlGivesAdvantagesToAllCorrectGroupsWhereGrpoGivesZeros()
    {
        var config = TinyTraining.Config(temp.Sub("run"), c => c with { Rollout = c.Rollout with { MaxNewTokens = 4 }, Exploration = c.Exploration with { Method = "g2rl" } });
        StepReport Run(IExplorationMethod method)
        {
            using var context = TinyTraining.Context(config, method);
            var always = new TrainingContext
            {
                Policy = context.Policy, Tokenizer = context.Tokenizer, TrainProblems = context.TrainProblems, Verifier = new AlwaysCorrect(),
                Template = context.Template, Exploration = method,
            };
            using var trainer = new GrpoTrainer(config, always);
            return trainer.Step(0);
        }
        var grpo = Run(new NoExploration());
        Assert.Equal(1.0, grpo.Metrics["advantage/zero_groups"]);
        var g2rl = Run(new G2rlExploration(0.5, ShapingMode.Printed, 3, FeatureWeighting.Uniform));
        Assert.Equal(1.0, g2rl.Metrics["advantage/zero_groups_before_shaping"]);
        Assert.Equal(0.0, g2rl.Metrics["advantage/zero_groups"]);
        Assert.InRange(g2rl.Metrics["exploration/nu_mean"], 0, 1);
        Assert.True(g2rl.Metrics.ContainsKey("exploration/phi_cosine_mean"));
        Assert.True(g2rl.Metrics["reward/shaped_max"] > 1.0);
    }

    [Fact]
    public void EntropyBonusRaisesTheEntropyOfATrainedPolicy()
    {
        var config = TinyTraining.Config(temp.Sub("run"), c => c with
        {
            Rollout = c.Rollout with { GroupSize = 8, PromptsPerStep = 4, MaxNewTokens = 1 },
            Optim = c.Optim with { Lr = 2e-2, GradClip = 0 },
        });
        double EntropyAfter(IExplorationMethod method)
        {
            using var context = TinyTraining.Context(config, method);
            using var trainer = new GrpoTrainer(config, context);
            var reports = Enumerable.Range(0, 8).Select(trainer.Step).ToList();
            return reports[^1].Metrics["entropy"];
        }
        var plain = EntropyAfter(new NoExploration());
        var bonus = EntropyAfter(new EntropyBonusExploration(1.0));
        Assert.True(bonus > plain + 0.01, $"entropy with bonus {bonus} should exceed {plain}");
    }

    private sealed class AlwaysCorrect : IProblemVerifier
    {
        public GradeResult Verify(Problem problem, string response) => new(true, response);
    }
}
