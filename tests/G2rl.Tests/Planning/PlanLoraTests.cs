using G2rl.Checkpoints;
using G2rl.Model;
using G2rl.Planning;
using G2rl.Tests.Support;
using static TorchSharp.torch;

namespace G2rl.Tests.Planning;

/// <summary>The plan's LoRA terms: adapter counts equal the adapters actually attached, and the persistent bytes follow docs/lora.md.</summary>
public sealed class PlanLoraTests
{
    [Theory]
    [InlineData(4, new[] { "q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj" })]
    [InlineData(2, new[] { "q_proj", "v_proj" })]
    [InlineData(3, new[] { "down_proj" })]
    public void AdapterCountEqualsTheAttachedAdapters(int rank, string[] targets)
    {
        var dir = FixtureModels.Dir("tiny-qwen3-untied");
        using var model = HfCheckpoint.Load(dir, CPU, ScalarType.Float32);
        using var adapters = LoraAdapters.Attach(model, new LoraOptions { Rank = rank, Alpha = 8, Targets = targets }, 1, dir);
        var attached = adapters.NamedParameters.Sum(p => p.Param.numel());
        Assert.Equal(attached, LoraParameterCount.Of(model.Config, rank, targets));
    }

    // Qwen3-1.7B, r = 16, all seven projections: per layer (2048+2048) + 2·(2048+1024) + (2048+2048) + 2·(2048+6144) + (6144+2048)
    // = 38,912; × 16 × 28 layers = 17,432,576 adapter parameters.
    [Fact]
    public void LoraPersistentBytesAreFrozenBasePlusSixteenPerAdapterParameter()
    {
        var c = Qwen3Config.Load(Path.Combine(FixtureModels.Dir("published-configs"), "Qwen3-1.7B-Base", "config.json"));
        var lora = LoraParameterCount.Of(c, 16, LoraOptions.AllLinear);
        Assert.Equal(17_432_576L, lora);
        var s = PlanFormulaTests.Inputs(c, 2) with { Lora = true, TrainableParameters = lora, ExtraParameters = lora, Reference = false };
        var p = MemoryPlanner.Persistent(s);
        Assert.Equal((1_720_574_976L * 2) + (lora * 4), p["weights"]);
        Assert.Equal(0, p["master_weights"]);
        Assert.Equal(lora * 4, p["grads"]);
        Assert.Equal(lora * 8, p["optimizer"]);
        Assert.Equal(0, p["reference"]);
        Assert.Equal(0, MemoryPlanner.Update(s, 1024)["low_precision_grads"]);
    }
}
