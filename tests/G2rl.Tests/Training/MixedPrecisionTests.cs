using G2rl.Model;
using G2rl.Rl;
using G2rl.Tests.Support;
using G2rl.Training;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace G2rl.Tests.Training;

/// <summary>
/// bfloat16 training with float32 master weights follows the float32 run at the paper's learning rate (5e-7), where
/// writing the float32 update straight into bfloat16 weights (the old AdamW) loses almost every update.
/// Both runs start from the same (bf16-rounded) weights: the bf16 fixture, loaded once as bf16 and once as float32.
/// </summary>
public sealed class MixedPrecisionTests(ITestOutputHelper output)
{
    private const double Lr = 5e-7;
    private const int Steps = 10;

    [Fact]
    public void WithoutMasterWeightsBfloat16WeightsBarelyChange()
    {
        using var scope = NewDisposeScope();
        using var model = FixtureModels.Load("tiny-qwen3-tied-bf16", ScalarType.BFloat16);
        var e = FixtureModels.LoadExpected("tiny-qwen3-tied");
        var before = Snapshot(model);
        var moments = model.named_parameters().ToDictionary(p => p.name, p => (M: torch.zeros(p.parameter.shape), V: torch.zeros(p.parameter.shape)));
        for (var step = 1; step <= Steps; step++)
        {
            foreach (var p in model.parameters())
            {
                p.grad?.zero_();
            }
            Loss(model, e).backward();
            // The update exactly as AdamW applied it before master weights: computed in float32, written into the bf16 weight.
            using var noGrad = torch.no_grad();
            foreach (var (name, p) in model.named_parameters())
            {
                var g = p.grad!.to(ScalarType.Float32);
                var (m, v) = moments[name];
                m.mul_(0.9).add_(g, alpha: 0.1);
                v.mul_(0.999).addcmul_(g, g, value: 0.001);
                var update = (m / (1 - Math.Pow(0.9, step))) / ((v / (1 - Math.Pow(0.999, step))).sqrt() + 1e-8);
                var p32 = p.to(ScalarType.Float32);
                p32.sub_(update * Lr);
                p.copy_(p32);
            }
        }
        var changed = ChangedFraction(before, Snapshot(model));
        output.WriteLine($"bf16 weights without master copy: {changed:P3} changed after {Steps} steps at lr {Lr}");
        Assert.True(changed < 0.05, $"{changed:P2} of bf16 weights changed without master weights (the defect: about 1%)");
    }

    [Fact]
    public void Bfloat16WithMasterWeightsFollowsTheFloat32Run()
    {
        using var scope = NewDisposeScope();
        var e = FixtureModels.LoadExpected("tiny-qwen3-tied");
        var (f32Before, f32After) = Train(ScalarType.Float32, e);
        var (bf16Before, bf16After) = Train(ScalarType.BFloat16, e);
        foreach (var (name, w) in f32Before)
        {
            Assert.True(w.eq(bf16Before[name]).all().item<bool>(), $"{name}: both runs must start from the same weights");
        }
        var f32Changed = ChangedFraction(f32Before, f32After);
        var bf16Changed = ChangedFraction(bf16Before, bf16After);
        Assert.True(f32Changed >= 0.99, $"float32 run changed only {f32Changed:P2}");
        Assert.True(bf16Changed >= 0.99, $"bf16 master weights changed only {bf16Changed:P2}");
        var d32 = Flat(f32Before, f32After);
        var d16 = Flat(bf16Before, bf16After);
        var cosine = (d32.dot(d16) / (d32.norm() * d16.norm())).item<double>();
        output.WriteLine($"changed: float32 {f32Changed:P3}, bf16 masters {bf16Changed:P3}; cosine of the weight changes {cosine:F4}");
        Assert.True(cosine >= 0.9, $"cosine of the weight changes {cosine}");
        // The step size matches too (Adam's first steps move each weight by about lr per step).
        var ratio = (d16.norm() / d32.norm()).item<double>();
        Assert.InRange(ratio, 0.8, 1.25);
    }

    [Fact]
    public void LowPrecisionGradientsAccumulateInFloat32AndTheComputeCopyIsTheRoundedMaster()
    {
        using var scope = NewDisposeScope();
        using var model = FixtureModels.Load("tiny-qwen3-tied-bf16", ScalarType.BFloat16);
        using var optimizer = new AdamW(model.named_parameters(), weightDecay: 0);
        Assert.True(optimizer.HasMasterWeights);
        var name = "model.norm.weight";
        var p = model.named_parameters().Single(x => x.name == name).parameter;
        // Three micro-batches of gradient 1/3 + tiny: in bf16 the running sum would round; in float32 it is exact to 1e-7.
        var expected = torch.zeros(p.shape);
        for (var i = 0; i < 3; i++)
        {
            using var grad = torch.full(p.shape, (1.0 / 3) + (i * 1e-3), ScalarType.BFloat16);
            p.grad = grad.clone();
            expected += grad.to(ScalarType.Float32);
            optimizer.AccumulateGradients();
            Assert.Null(p.grad);
        }
        var accumulated = Assert.Single(optimizer.Gradients());
        Assert.Equal(ScalarType.Float32, accumulated.dtype);
        Assert.Equal(0f, (accumulated - expected).abs().max().item<float>());
        optimizer.Step(1e-3);
        var master = optimizer.StateTensors().Single(t => t.Name == "master." + name).Tensor;
        Assert.Equal(ScalarType.Float32, master.dtype);
        Assert.True(p.eq(master.to(ScalarType.BFloat16)).all().item<bool>(), "the compute copy is the master weight rounded to bf16");
    }

    /// <summary>Weights before and after <see cref="Steps"/> AdamW steps (float32: the parameters; bf16: the master weights).</summary>
    private static (Dictionary<string, Tensor> Before, Dictionary<string, Tensor> After) Train(ScalarType dtype, FixtureModels.Expected e)
    {
        var model = FixtureModels.Load("tiny-qwen3-tied-bf16", dtype);
        using var optimizer = new AdamW(model.named_parameters(), weightDecay: 0);
        var before = Snapshot(model);
        for (var step = 0; step < Steps; step++)
        {
            optimizer.ZeroGrad();
            Loss(model, e).backward();
            optimizer.AccumulateGradients();
            optimizer.Step(Lr);
        }
        var after = dtype == ScalarType.Float32
            ? Snapshot(model)
            : optimizer.StateTensors().Where(t => t.Name.StartsWith("master.", StringComparison.Ordinal)).ToDictionary(t => t.Name["master.".Length..], t => t.Tensor.clone());
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        return (before, after);
    }

    /// <summary>Mean negative log-likelihood of the fixture batch (masked left-padded pass).</summary>
    private static Tensor Loss(Qwen3ForCausalLM model, FixtureModels.Expected e)
    {
        var t = e.InputIds.shape[1];
        var targets = (e.AttentionMask.narrow(1, 0, t - 1) * e.AttentionMask.narrow(1, 1, t - 1)).to(ScalarType.Float32);
        var hidden = model.Hidden(e.InputIds, AttentionMasks.PositionIds(e.AttentionMask), AttentionMasks.Causal(e.AttentionMask, 0, t, model.DType));
        var (logp, _) = TokenLogProbs.Compute(hidden, model.LmHeadWeight, e.InputIds, targets);
        return -(logp.sum() / targets.sum());
    }

    private static Dictionary<string, Tensor> Snapshot(Qwen3ForCausalLM model) =>
        model.named_parameters().ToDictionary(p => p.name, p => p.parameter.detach().to(ScalarType.Float32, copy: true));

    private static double ChangedFraction(Dictionary<string, Tensor> before, Dictionary<string, Tensor> after)
    {
        double changed = 0, total = 0;
        foreach (var (name, w) in before)
        {
            changed += w.ne(after[name]).sum().item<long>();
            total += w.numel();
        }
        return changed / total;
    }

    private static Tensor Flat(Dictionary<string, Tensor> before, Dictionary<string, Tensor> after) =>
        torch.cat([.. before.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => (after[kv.Key] - kv.Value).reshape(-1).to(ScalarType.Float64))]);
}
