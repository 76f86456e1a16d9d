using G2rl.Tests.Support;
using G2rl.Training.Config;

namespace G2rl.Tests.Training;

/// <summary>Config files in three formats, overrides, strict keys and validation messages.</summary>
public sealed class TrainConfigTests : IDisposable
{
    private readonly TempDir temp = new();

    public void Dispose() => temp.Dispose();

    private string Write(string name, string text)
    {
        var path = temp.Sub(name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void JsonYamlAndTomlGiveTheSameConfig()
    {
        var json = ConfigLoader.Load(Write("a.json", """{"model": {"path": "m", "dtype": "bfloat16"}, "rollout": {"group_size": 8, "temperature": 0.9}, "data": {"train": ["math_train", "x.jsonl"]}, "loss": {"dual_clip": 3}}"""));
        var yaml = ConfigLoader.Load(Write("a.yaml", "model:\n  path: m\n  dtype: bfloat16\nrollout:\n  group_size: 8\n  temperature: 0.9\ndata:\n  train: [math_train, x.jsonl]\nloss:\n  dual_clip: 3\n"));
        var toml = ConfigLoader.Load(Write("a.toml", "[model]\npath = \"m\"\ndtype = \"bfloat16\"\n[rollout]\ngroup_size = 8\ntemperature = 0.9\n[data]\ntrain = [\"math_train\", \"x.jsonl\"]\n[loss]\ndual_clip = 3\n"));
        Assert.Equal(ConfigLoader.ToJson(json), ConfigLoader.ToJson(yaml));
        Assert.Equal(ConfigLoader.ToJson(json), ConfigLoader.ToJson(toml));
        Assert.Equal(8, json.Rollout.GroupSize);
        Assert.Equal(3.0, json.Loss.DualClip);
    }

    [Fact]
    public void DefaultsAreThePapersTable()
    {
        var c = ConfigLoader.Load(Write("d.yaml", "model:\n  path: m\n"));
        Assert.Equal((16, 16, 5e-7, 0.001, 1.0, 0.8), (c.Rollout.PromptsPerStep, c.Rollout.GroupSize, c.Optim.Lr, c.Loss.KlCoef, c.Rollout.Temperature, c.Eval.Temperature));
        Assert.Equal(("k3", "pm1", "none"), (c.Loss.KlEstimator, c.Loss.RewardMap, c.Exploration.Method));
    }

    [Fact]
    public void OverridesSetNestedKeysWithTypedValues()
    {
        var c = ConfigLoader.Load(Write("o.yaml", "model:\n  path: m\n"), ["rollout.temperature=0.7", "exploration.method=g2rl", "data.train=[\"a.jsonl\"]", "loss.dual_clip=null"]);
        Assert.Equal(0.7, c.Rollout.Temperature);
        Assert.Equal("g2rl", c.Exploration.Method);
        Assert.Equal(["a.jsonl"], c.Data.Train);
    }

    [Fact]
    public void UnknownKeysAreErrorsNamingThePath()
    {
        var ex = Assert.Throws<G2rlException>(() => ConfigLoader.Load(Write("u.yaml", "model:\n  path: m\nrollout:\n  group_sise: 4\n")));
        Assert.Contains("u.yaml", ex.Message);
        Assert.Contains("unknown key", ex.Message);
        Assert.Contains("group_sise", ex.Message);
        Assert.Contains("unknown key", Assert.Throws<G2rlException>(() => ConfigLoader.Load(Write("v.json", """{"model": {"path": "m"}, "optimiser": {}}"""))).Message);
    }

    [Theory]
    [InlineData("rollout.group_size=0", "rollout.group_size")]
    [InlineData("loss.kl_estimator=k4", "loss.kl_estimator")]
    [InlineData("exploration.method=magic", "exploration.method")]
    [InlineData("rollout.old_logprobs=sampler", "rollout.old_logprobs", "rollout.top_p=0.9")]
    [InlineData("model.path=", "model.path")]
    public void InvalidValuesNameTheKey(string set, string key, string? extra = null)
    {
        string[] overrides = extra is null ? [set] : [set, extra];
        var ex = Assert.Throws<G2rlException>(() => ConfigLoader.Load(Write("i.yaml", "model:\n  path: m\n"), overrides));
        Assert.Contains(key, ex.Message);
    }

    [Fact]
    public void MalformedFilesAndWrongTypesAreClearErrors()
    {
        Assert.Contains("m.yaml", Assert.Throws<G2rlException>(() => ConfigLoader.Load(Write("m.yaml", "model: [unclosed\n"))).Message);
        Assert.Contains("invalid value", Assert.Throws<G2rlException>(() => ConfigLoader.Load(Write("t.json", """{"model": {"path": "m"}, "rollout": {"group_size": "many"}}"""))).Message);
        Assert.Contains("not found", Assert.Throws<G2rlException>(() => ConfigLoader.Load(temp.Sub("missing.yaml"))).Message);
    }
}
