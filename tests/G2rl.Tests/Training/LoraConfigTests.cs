using G2rl.Tests.Support;
using G2rl.Training.Config;

namespace G2rl.Tests.Training;

/// <summary>The model.lora section: binding, defaults and validation messages naming the key.</summary>
public sealed class LoraConfigTests : IDisposable
{
    private readonly TempDir temp = new();

    public void Dispose() => temp.Dispose();

    private TrainConfig Load(string yaml) => ConfigLoader.Load(temp.Write("c.yaml", yaml));

    [Fact]
    public void BindsFromYamlWithPeftStyleDefaults()
    {
        var c = Load("model:\n  path: m\n  lora:\n    rank: 8\n    targets: [q_proj, v_proj]\ndata:\n  train: [x.jsonl]\n");
        Assert.Equal(8, c.Model.Lora!.Rank);
        Assert.Equal(32, c.Model.Lora.Alpha);
        Assert.Equal(0, c.Model.Lora.Dropout);
        Assert.Equal(["q_proj", "v_proj"], c.Model.Lora.Targets);
        Assert.Equal(["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"], Load("model:\n  path: m\n  lora: {}\ndata:\n  train: [x.jsonl]\n").Model.Lora!.Targets);
        Assert.Null(Load("model:\n  path: m\ndata:\n  train: [x.jsonl]\n").Model.Lora);
    }

    [Theory]
    [InlineData("rank: 0", "model.lora.rank")]
    [InlineData("alpha: 0", "model.lora.alpha")]
    [InlineData("dropout: 1", "model.lora.dropout")]
    [InlineData("targets: [q_proj, lm_head]", "model.lora.targets")]
    [InlineData("targets: [q_proj, q_proj]", "model.lora.targets")]
    [InlineData("targets: []", "model.lora.targets")]
    [InlineData("ranks: 4", "unknown key")]
    public void BadValuesNameTheKey(string line, string expected)
    {
        var ex = Assert.Throws<G2rlException>(() => Load($"model:\n  path: m\n  lora:\n    {line}\ndata:\n  train: [x.jsonl]\n"));
        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public void DropoutWithGradientCheckpointingIsRejected()
    {
        var ex = Assert.Throws<G2rlException>(() => Load("model:\n  path: m\n  lora:\n    dropout: 0.05\nbatch:\n  gradient_checkpointing: true\ndata:\n  train: [x.jsonl]\n"));
        Assert.Contains("model.lora.dropout", ex.Message);
    }
}
