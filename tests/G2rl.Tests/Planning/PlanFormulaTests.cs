using G2rl.Model;
using G2rl.Planning;
using G2rl.Tests.Support;
using G2rl.Training.Config;
using TorchSharp;
using static TorchSharp.torch;

namespace G2rl.Tests.Planning;

/// <summary>Parameter, persistent and KV bytes of the published Qwen3 base configs equal hand formulas and the code's own tensors.</summary>
public sealed class PlanFormulaTests
{
    private static Qwen3Config Published(string name) =>
        Qwen3Config.Load(Path.Combine(FixtureModels.Dir("published-configs"), name, "config.json"));

    // Hand count: V·d + L·(d·q + 2·d·kv + q·d + 2·D + 3·d·f + 2·d) + d (tied), with q = H·128, kv = 8·128.
    [Theory]
    [InlineData("Qwen3-0.6B-Base", 596_049_920L)]
    [InlineData("Qwen3-1.7B-Base", 1_720_574_976L)]
    [InlineData("Qwen3-4B-Base", 4_022_468_096L)]
    public void ParametersMatchHandCountAndTheMetaModel(string name, long expected)
    {
        var c = Published(name);
        long d = c.HiddenSize, q = c.NumAttentionHeads * 128L, kv = 8 * 128L, f = c.IntermediateSize;
        var hand = (151_936L * d) + (c.NumHiddenLayers * ((d * q) + (2 * d * kv) + (q * d) + 256 + (3 * d * f) + (2 * d))) + d;
        Assert.Equal(expected, hand);
        using var model = new Qwen3ForCausalLM(c, ScalarType.BFloat16, new Device("meta"));
        Assert.Equal(expected, model.parameters().Sum(p => p.numel()));
        Assert.Equal(expected, Inputs(c, 2).Parameters);
    }

    // bf16: 2 weights + 4 master + 4 grads + 8 AdamW + 2 reference = 20 B/param; float32: 4 + 0 + 4 + 8 + 4 = 20 B/param, no master copy.
    [Theory]
    [InlineData("Qwen3-1.7B-Base", 2, 1_720_574_976L * 2, 1_720_574_976L * 4)]
    [InlineData("Qwen3-4B-Base", 2, 4_022_468_096L * 2, 4_022_468_096L * 4)]
    [InlineData("Qwen3-0.6B-Base", 4, 596_049_920L * 4, 0L)]
    public void PersistentBytesAreTwentyPerParameter(string name, int bytes, long weights, long master)
    {
        var p = MemoryPlanner.Persistent(Inputs(Published(name), bytes));
        Assert.Equal(weights, p["weights"]);
        Assert.Equal(master, p["master_weights"]);
        Assert.Equal(weights / bytes * 8, p["optimizer"]);
        Assert.Equal(weights / bytes * 20, p.Total);
        var noReference = MemoryPlanner.Persistent(Inputs(Published(name), bytes) with { Reference = false });
        Assert.Equal(weights / bytes * (20 - bytes), noReference.Total);
    }

    // 2 (K, V) × 8 kv heads × 128 × 2 B × layers: 1.7B 114,688 B/token (docs/scale.md), 4B 147,456.
    [Theory]
    [InlineData("Qwen3-0.6B-Base", 114_688L)]
    [InlineData("Qwen3-1.7B-Base", 114_688L)]
    [InlineData("Qwen3-4B-Base", 147_456L)]
    public void KvBytesMatchHandFormula(string name, long perToken)
    {
        var c = Published(name);
        Assert.Equal(2L * 8 * 128 * 2 * c.NumHiddenLayers, perToken);
        Assert.Equal(perToken, MemoryFormulas.KvBytesPerToken(c, 2));
        var s = Inputs(c, 2);
        Assert.Equal(110L * (256 + 8192) * perToken, MemoryPlanner.Rollout(s, 110)["kv_cache"]);
    }

    [Fact]
    public void KvFormulaEqualsTheBytesOfARealKvCache()
    {
        var c = Qwen3Config.Load(Path.Combine(FixtureModels.Dir("tiny-qwen3-tied"), "config.json"));
        using var cache = new KvCache(c, 3, 17, ScalarType.BFloat16, CPU);
        Assert.Equal(cache.Bytes, MemoryFormulas.KvCacheBytes(c, 2, 3, 17));
    }

    [Fact]
    public void ActivationFormulaForTheOnePointSevenBShape()
    {
        // Per token per layer in bf16 (d = q = 2048, kv = 1024, f = 6144, H = 16): norms 2·(8192 + 8192), q_norm 8192 + 4096,
        // k_norm 4096 + 2048, SDPA q/K/V/out 16384 + lse 64, o_proj input 4096, MLP 49152.
        Assert.Equal(120_896L, MemoryFormulas.LayerActivationBytesPerToken(Published("Qwen3-1.7B-Base"), 2));
    }

    internal static PlanInputs Inputs(Qwen3Config c, int bytes) => new()
    {
        Model = c, DTypeBytes = bytes, Reference = true, RowsPerStep = 256, PromptTokens = 256, MaxNewTokens = 8192,
    };

    internal static DeviceBudget Gb(double gb) => DeviceBudget.FromGigabytes(gb, cuda: true);

    internal static MemoryPlan PlanAuto(PlanInputs s, DeviceBudget b) => MemoryPlanner.Plan(s, AutoCount.Auto, AutoCount.Auto, b);
}
