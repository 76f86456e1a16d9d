using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace G2rl.Training;

/// <summary>
/// AdamW (Loshchilov &amp; Hutter 2019) with the update order of torch.optim.AdamW: p ← p·(1 − lr·λ), then
/// p ← p − lr·m̂/(√v̂ + ε). Moments are float32 whatever the parameter dtype. The state (moments and step count) is
/// explicit so checkpoints can save and restore it bit-exactly.
/// </summary>
public sealed class AdamW : IDisposable
{
    private readonly IReadOnlyList<(string Name, Parameter Param)> parameters;
    private readonly Dictionary<string, (Tensor M, Tensor V)> moments = new(StringComparer.Ordinal);

    public AdamW(IEnumerable<(string Name, Parameter Param)> parameters, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8, double weightDecay = 0.01)
    {
        this.parameters = parameters.ToList();
        Beta1 = beta1;
        Beta2 = beta2;
        Epsilon = epsilon;
        WeightDecay = weightDecay;
        foreach (var (name, p) in this.parameters)
        {
            moments[name] = (torch.zeros(p.shape, ScalarType.Float32, p.device), torch.zeros(p.shape, ScalarType.Float32, p.device));
        }
    }

    public double Beta1 { get; }

    public double Beta2 { get; }

    public double Epsilon { get; }

    public double WeightDecay { get; }

    /// <summary>The parameters this optimizer updates (all of the model, or only the LoRA adapters).</summary>
    public IEnumerable<Parameter> Parameters => parameters.Select(p => p.Param);

    /// <summary>Updates taken so far.</summary>
    public long StepCount { get; private set; }

    /// <summary>Applies one update with learning rate <paramref name="lr"/> from the parameters' current gradients (skipping those without one).</summary>
    public void Step(double lr)
    {
        StepCount++;
        var bias1 = 1 - Math.Pow(Beta1, StepCount);
        var bias2 = 1 - Math.Pow(Beta2, StepCount);
        using var noGrad = torch.no_grad();
        foreach (var (name, p) in parameters)
        {
            if (p.grad is not { } grad)
            {
                continue;
            }
            using var scope = NewDisposeScope();
            var g = grad.to(ScalarType.Float32);
            var (m, v) = moments[name];
            m.mul_(Beta1).add_(g, alpha: 1 - Beta1);
            v.mul_(Beta2).addcmul_(g, g, value: 1 - Beta2);
            var update = (m / bias1) / ((v / bias2).sqrt() + Epsilon);
            var p32 = p.to(ScalarType.Float32);
            p32.mul_(1 - (lr * WeightDecay)).sub_(update * lr);
            p.copy_(p32);
        }
    }

    /// <summary>Sets every gradient to none.</summary>
    public void ZeroGrad()
    {
        foreach (var (_, p) in parameters)
        {
            if (p.grad is { } g)
            {
                g.zero_();
            }
        }
    }

    /// <summary>The state as named tensors ("m.&lt;param&gt;", "v.&lt;param&gt;") for a checkpoint.</summary>
    public IReadOnlyList<(string Name, Tensor Tensor)> StateTensors() =>
        [.. moments.OrderBy(kv => kv.Key, StringComparer.Ordinal).SelectMany(kv => new[] { ("m." + kv.Key, kv.Value.M), ("v." + kv.Key, kv.Value.V) })];

    /// <summary>Restores moments and step count saved by <see cref="StateTensors"/>.</summary>
    public void LoadState(Func<string, Tensor> read, long stepCount)
    {
        using var noGrad = torch.no_grad();
        foreach (var (name, (m, v)) in moments)
        {
            using var scope = NewDisposeScope();
            m.copy_(read("m." + name));
            v.copy_(read("v." + name));
        }
        StepCount = stepCount;
    }

    public void Dispose()
    {
        foreach (var (m, v) in moments.Values)
        {
            m.Dispose();
            v.Dispose();
        }
    }
}
