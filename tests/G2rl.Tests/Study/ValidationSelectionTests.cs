using G2rl.Demo;
using G2rl.Evaluation;
using G2rl.Reporting;
using G2rl.Study;
using G2rl.Tasks;

namespace G2rl.Tests.Study;

public sealed class ValidationSelectionTests
{
    private static IReadOnlyList<ProblemResult> Results(string set, params bool[][] samples) =>
        [.. samples.Select((c, i) => new ProblemResult(set, $"p{i}", c, c[0]))];

    [Fact]
    public void The_ablation_preset_has_grpo_and_both_eq12_variants_at_three_lambdas()
    {
        var o = new DemoOptions { Ablation = true, MaxNewTokens = 17 };
        var task = new CountdownTask();
        var split = TaskSplits.Create(task, 1, 20, 6, 1);
        var plan = DemoPreset.AblationPlan(o, task, split with { HeldOut = split.HeldOut.Skip(2).ToList() }, split.HeldOut.Take(2).ToList(), "/base");
        Assert.Equal(["grpo", "g2rl-printed-0.25", "g2rl-printed-0.5", "g2rl-printed-1", "g2rl-prose-0.25", "g2rl-prose-0.5", "g2rl-prose-1"], plan.Methods.Select(m => m.Name));
        Assert.Equal([null, "g2rl eq. 12 printed", "g2rl eq. 12 printed", "g2rl eq. 12 printed", "g2rl eq. 12 prose", "g2rl eq. 12 prose", "g2rl eq. 12 prose"], plan.Methods.Select(m => m.Group));
        Assert.Equal([0.25, 0.5, 1.0, 0.25, 0.5, 1.0], plan.Methods.Skip(1).Select(m => m.Exploration.Lambda));
        Assert.All(plan.Methods.Skip(1), m => Assert.Equal("g2rl", m.Exploration.Method));
        Assert.Equal(2, plan.Validation.Count);
        Assert.Empty(plan.Validation.Select(p => p.Id).Intersect(plan.HeldOut.Select(p => p.Id)));
    }

    [Fact]
    public void The_arm_with_the_best_validation_pass1_is_chosen_and_reported_on_held_out()
    {
        // Validation pass@1 (2 problems × 2 samples, 1 seed): a = 0.25, b = 0.75, c = 0.5 → b. Held-out: b is the worst (0.0),
        // which must not matter for the choice.
        var o = new DemoOptions { Methods = ["grpo"], Seeds = 1, MaxNewTokens = 5 };
        var task = new CountdownTask();
        var split = TaskSplits.Create(task, 1, 20, 2, 1);
        var basePlan = DemoPreset.Plan(o, task, split, "/base");
        StudyMethod Arm(string name) => new() { Name = name, Group = "g", Exploration = new() { Method = "g2rl" } };
        var plan = basePlan with { Methods = [DemoPreset.Method("grpo"), Arm("a"), Arm("b"), Arm("c")] };
        var heldOut = new Dictionary<string, bool[][]> { ["grpo"] = [[true, false], [false, false]], ["a"] = [[true, true], [true, false]], ["b"] = [[false, false], [false, false]], ["c"] = [[true, false], [true, false]] };
        var validation = new Dictionary<string, bool[][]> { ["grpo"] = [[true, true], [true, true]], ["a"] = [[true, false], [false, false]], ["b"] = [[true, true], [true, false]], ["c"] = [[true, false], [true, false]] };
        var runs = plan.Methods.Select(m => new StudyRun(m.Name, 0, "", [], new RunEvaluation(Results("h", heldOut[m.Name]), [0, 0], null), 1, Results("validation", validation[m.Name]))).ToList();
        var results = new StudyResults(plan, 1, new RunEvaluation(Results("h", [false, false], [false, false]), [0, 0], null), runs, 0, 0, MachineInfo.Current(1));
        var choice = Assert.Single(ValidationSelection.Choose(results, StudyReport.Summaries(results)));
        Assert.Equal("b", choice.Chosen);
        Assert.Equal(0.25, choice.ValidationPass1["a"], 12);
        Assert.Equal(0.75, choice.ValidationPass1["b"], 12);
        Assert.Equal(0.0, choice.HeldOut.Pass1, 12);
        Assert.Equal(-0.25, choice.HeldOut.DeltaVsGrpo!.Mean, 12);
        Assert.Contains("| g ", ValidationSelection.Table([choice], "grpo"), StringComparison.Ordinal);
    }
}
