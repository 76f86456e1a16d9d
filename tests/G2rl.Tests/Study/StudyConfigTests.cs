using G2rl.Study;
using G2rl.Tests.Support;

namespace G2rl.Tests.Study;

public sealed class StudyConfigTests
{
    private static string Example => Path.Combine(AppContext.BaseDirectory, "../../../../../examples/paper-study.yaml");

    [Fact]
    public void The_paper_study_example_loads_and_describes_the_paper_setting()
    {
        var c = StudyConfigLoader.Load(Example);
        Assert.Equal(["grpo", "entropy", "evol", "g2rl"], c.Methods.Select(m => m.Name));
        Assert.Equal(["none", "entropy", "evol", "g2rl"], c.Methods.Select(m => m.Exploration.Method));
        Assert.Equal(3, c.Seeds);
        Assert.Equal((16, 16, 1.0, 5e-7, 0.001), (c.Train.Rollout.GroupSize, c.Train.Rollout.PromptsPerStep, c.Train.Rollout.Temperature, c.Train.Optim.Lr, c.Train.Loss.KlCoef));
        Assert.Equal(["math_train"], c.Train.Data.Train);
        Assert.Equal(["math500"], c.HeldOut);
        Assert.Equal((16, 0.8), (c.Eval.Samples, c.Eval.Temperature));
        Assert.Equal(0.5, c.Methods[3].Exploration.Lambda);
    }

    [Fact]
    public void Overrides_apply_and_bad_input_is_one_line_naming_the_field()
    {
        Assert.Equal(5, StudyConfigLoader.Load(Example, ["seeds=5"]).Seeds);
        using var dir = new TempDir();
        var unknown = dir.Write("a.yaml", "methods:\n  - name: grpo\n    explorashun: {}\ntrain: { model: { path: m } }\n");
        var e = Assert.Throws<G2rlException>(() => StudyConfigLoader.Load(unknown));
        Assert.Contains("unknown key", e.Message, StringComparison.Ordinal);
        Assert.Contains("explorashun", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);

        var noControl = dir.Write("b.yaml", "methods:\n  - name: g2rl\n    exploration: { method: g2rl }\ntrain: { model: { path: m } }\n");
        Assert.Contains("control 'grpo' is not one of the methods", Assert.Throws<G2rlException>(() => StudyConfigLoader.Load(noControl)).Message, StringComparison.Ordinal);

        var badMethod = dir.Write("c.yaml", "methods:\n  - name: grpo\n    exploration: { method: nonsense }\ntrain: { model: { path: m } }\n");
        Assert.Contains("methods[0] (grpo)", Assert.Throws<G2rlException>(() => StudyConfigLoader.Load(badMethod)).Message, StringComparison.Ordinal);

        var twice = dir.Write("d.yaml", "methods:\n  - name: grpo\n  - name: grpo\ntrain: { model: { path: m } }\n");
        Assert.Contains("unique", Assert.Throws<G2rlException>(() => StudyConfigLoader.Load(twice)).Message, StringComparison.Ordinal);
    }
}
