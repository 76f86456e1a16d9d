using G2rl.Model;
using G2rl.Tests.Support;
using TorchSharp;
using static TorchSharp.torch;

namespace G2rl.Tests.Model;

/// <summary>LoRA adapters on the tiny fixture: the forward is W x + (α/r)·B·A·x, the base is frozen, and adapters off is the base.</summary>
public sealed class LoraTests
{
    private static readonly LoraOptions Options = new() { Rank = 3, Alpha = 6 };

    internal static bool Same(Tensor a, Tensor b) => a.shape.SequenceEqual(b.shape) && a.eq(b).all().item<bool>();

    internal static Tensor Ids() => torch.tensor(new long[] { 5, 17, 3, 99, 42, 7, 1, 250 }, [2, 4]);

    internal static Tensor Logits(ICausalLm lm)
    {
        using var noGrad = torch.no_grad();
        var ids = Ids();
        var attention = torch.ones_like(ids);
        var hidden = lm.Hidden(ids, AttentionMasks.PositionIds(attention), AttentionMasks.Causal(attention, 0, ids.shape[1], lm.DType));
        return lm.Logits(hidden);
    }

    /// <summary>Fills every B with seeded noise so the adapters change the output.</summary>
    internal static void Randomise(LoraAdapters lora, long seed)
    {
        using var g = new Generator((ulong)seed);
        using var noGrad = torch.no_grad();
        foreach (var a in lora.Adapters)
        {
            a.B.copy_(torch.randn(a.B.shape, generator: g) * 0.05);
        }
    }

    [Fact]
    public void AttachAddsRankRAdaptersToEveryTargetAndFreezesTheBase()
    {
        using var model = FixtureModels.Load("tiny-qwen3-tied");
        var names = model.named_parameters().Select(p => p.name).ToList();
        using var lora = LoraAdapters.Attach(model, Options, 7, "base");
        Assert.Equal(names, model.named_parameters().Select(p => p.name).ToList());
        Assert.All(model.parameters(), p => Assert.False(p.requires_grad));
        Assert.Equal(2 * 7, lora.Adapters.Count);
        var q = lora.Adapters.Single(a => a.Module == "model.layers.0.self_attn.q_proj");
        Assert.Equal([3L, 64L], q.A.shape);
        Assert.Equal([64L, 3L], q.B.shape);
        var down = lora.Adapters.Single(a => a.Module == "model.layers.1.mlp.down_proj");
        Assert.Equal([3L, 128L], down.A.shape);
        Assert.Equal([64L, 3L], down.B.shape);
        // r·(in + out) per layer: q 64+64, k 64+32, v 64+32, o 64+64, gate 64+128, up 64+128, down 128+64 = 1024, × r × layers.
        Assert.Equal(3L * 1024 * 2, lora.ParameterCount);
        Assert.All(lora.Adapters, a => Assert.Equal(0f, a.B.abs().max().item<float>()));
        Assert.All(lora.Adapters, a => Assert.True(a.A.requires_grad && a.B.requires_grad && a.A.dtype == ScalarType.Float32));
    }

    [Fact]
    public void AIsKaimingUniformSeededAndTheSameForTheSameSeed()
    {
        using var m1 = FixtureModels.Load("tiny-qwen3-tied");
        using var m2 = FixtureModels.Load("tiny-qwen3-tied");
        using var m3 = FixtureModels.Load("tiny-qwen3-tied");
        using var a = LoraAdapters.Attach(m1, Options, 7, "base");
        using var b = LoraAdapters.Attach(m2, Options, 7, "base");
        using var c = LoraAdapters.Attach(m3, Options, 8, "base");
        for (var i = 0; i < a.Adapters.Count; i++)
        {
            Assert.True(Same(a.Adapters[i].A, b.Adapters[i].A));
            var bound = 1.0 / Math.Sqrt(a.Adapters[i].A.shape[1]);
            Assert.True(a.Adapters[i].A.abs().max().item<float>() <= bound);
            Assert.True(a.Adapters[i].A.abs().max().item<float>() > 0.8 * bound);
        }
        Assert.False(Same(a.Adapters[0].A, c.Adapters[0].A));
    }

    [Fact]
    public void ZeroBLeavesTheOutputUnchangedAndTheForwardIsWPlusScaledBA()
    {
        using var baseModel = FixtureModels.Load("tiny-qwen3-tied");
        using var model = FixtureModels.Load("tiny-qwen3-tied");
        using var lora = LoraAdapters.Attach(model, Options, 7, "base");
        Assert.True(Same(Logits(baseModel), Logits(model)));

        Randomise(lora, 3);
        // Independent reference: fold W + (α/r)·B·A into the plain model by hand (float64) and compare logits.
        using (torch.no_grad())
        {
            var weights = baseModel.named_parameters().ToDictionary(p => p.name, p => p.parameter);
            foreach (var a in lora.Adapters)
            {
                var w = weights[a.Module + ".weight"];
                var merged = w.to(ScalarType.Float64) + (torch.matmul(a.B.to(ScalarType.Float64), a.A.to(ScalarType.Float64)) * (6.0 / 3));
                w.copy_(merged.to(ScalarType.Float32));
            }
        }
        var diff = (Logits(model) - Logits(baseModel)).abs().max().item<float>();
        Assert.True(diff < 1e-4, $"max |adapter forward - merged forward| = {diff}");
        Assert.True(Logits(model).sub(Logits(FixtureModels.Load("tiny-qwen3-tied"))).abs().max().item<float>() > 1e-3, "the adapters must change the output");
    }

    [Fact]
    public void ReferenceIsTheBaseModelWithAdaptersOff()
    {
        using var baseModel = FixtureModels.Load("tiny-qwen3-tied");
        using var model = FixtureModels.Load("tiny-qwen3-tied");
        using var lora = LoraAdapters.Attach(model, Options, 7, "base");
        Randomise(lora, 4);
        Assert.True(Same(Logits(lora.Reference), Logits(baseModel)), "adapters off must be the base bit for bit");
        Assert.False(Same(Logits(model), Logits(baseModel)));
        Assert.True(lora.Enabled, "disabling is scoped to the reference's forward");
    }

    [Fact]
    public void GradientCheckpointingGivesTheSameAdapterGradients()
    {
        Tensor[] Grads(bool checkpointing)
        {
            using var model = FixtureModels.Load("tiny-qwen3-tied");
            var lora = LoraAdapters.Attach(model, Options, 7, "base");
            Randomise(lora, 5);
            model.Backbone.GradientCheckpointing = checkpointing;
            var ids = Ids();
            var attention = torch.ones_like(ids);
            var hidden = model.Hidden(ids, AttentionMasks.PositionIds(attention), AttentionMasks.Causal(attention, 0, ids.shape[1], model.DType));
            model.Logits(hidden).pow(2).mean().backward();
            Assert.All(model.parameters(), p => Assert.Null(p.grad));
            return [.. lora.Adapters.SelectMany(a => new[] { a.A.grad!.clone(), a.B.grad!.clone() })];
        }
        var plain = Grads(false);
        var checkpointed = Grads(true);
        Assert.True(plain.Sum(g => g.abs().sum().item<float>()) > 0);
        for (var i = 0; i < plain.Length; i++)
        {
            Assert.True(plain[i].allclose(checkpointed[i], rtol: 1e-4, atol: 1e-7), $"gradient {i} differs with checkpointing");
        }
    }

    [Fact]
    public void UnknownTargetIsAnError()
    {
        using var model = FixtureModels.Load("tiny-qwen3-tied");
        var ex = Assert.Throws<G2rlException>(() => LoraAdapters.Attach(model, Options with { Targets = ["q_proj", "qkv"] }, 7, "base"));
        Assert.Contains("qkv", ex.Message);
    }
}
