using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace G2rl.Training;

/// <summary>
/// AdamW (Loshchilov &amp; Hutter 2019) with the update order of torch.optim.AdamW: p ← p·(1 − lr·λ), then
/// p ← p − lr·m̂/(√v̂ + ε), with mixed precision as verl's FSDP actor does it.
/// <para>
/// Precision. Moments are float32 whatever the parameter dtype. A float32 parameter is updated in place and its
/// <c>.grad</c> is the gradient accumulator. A bfloat16/float16 parameter is only the compute copy: the optimizer keeps a
/// float32 master weight and a float32 gradient buffer for it; <see cref="AccumulateGradients"/> adds the low-precision
/// gradient of each micro-batch into the buffer and frees it, <see cref="Step"/> updates the master weight and writes
/// it back rounded (round-to-nearest) into the compute copy. Without the master copy an update of about lr = 5e-7 is far
/// below half a bfloat16 ulp of the weight (at least 2⁻⁹ of its magnitude; 6e-5 for a weight of 0.02) and rounds away.
/// </para>
/// <para>
/// State API. The optimizer's state is <see cref="StepCount"/> plus the tensors of <see cref="StateTensors"/>:
/// "m.&lt;param&gt;" and "v.&lt;param&gt;" for every parameter and "master.&lt;param&gt;" for every low-precision one,
/// all float32 with the parameter's shape. These are the live tensors (not copies): to snapshot, clone them.
/// <see cref="LoadState"/> copies saved values into them and refreshes every low-precision parameter from its restored
/// master weight, so saving/restoring (checkpoints, or a rollback of a bad update) covers the weights of a mixed-precision
/// model; float32 parameters are their own master and are not part of the optimizer's state. Gradient buffers are not
/// state (they are zero between steps).
/// </para>
/// </summary>
public sealed class AdamW : IDisposable
{
    private readonly IReadOnlyList<Slot> slots;

    public AdamW(IEnumerable<(string Name, Parameter Param)> parameters, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8, double weightDecay = 0.01)
    {
        Beta1 = beta1;
        Beta2 = beta2;
        Epsilon = epsilon;
        WeightDecay = weightDecay;
        using var noGrad = torch.no_grad();
        slots = [.. parameters.Select(p => Slot.Create(p.Name, p.Param))];
        if (slots.Select(s => s.Name).Distinct(StringComparer.Ordinal).Count() != slots.Count)
        {
            throw new ArgumentException("parameter names must be unique", nameof(parameters));
        }
    }

    public double Beta1 { get; }

    public double Beta2 { get; }

    public double Epsilon { get; }

    public double WeightDecay { get; }

    /// <summary>The parameters this optimizer updates (all of the model, or only the LoRA adapters).</summary>
    public IEnumerable<Parameter> Parameters => slots.Select(s => s.Param);

    /// <summary>Updates taken so far.</summary>
    public long StepCount { get; private set; }

    /// <summary>True when at least one parameter has a float32 master weight (its dtype is not float32).</summary>
    public bool HasMasterWeights => slots.Any(s => s.Master is not null);

    /// <summary>
    /// Adds the low-precision gradients autograd wrote since the last call into the float32 buffers and frees them. Call
    /// after each micro-batch's backward so accumulation over micro-batches happens in float32. No-op for float32 parameters.
    /// </summary>
    public void AccumulateGradients()
    {
        using var noGrad = torch.no_grad();
        foreach (var s in slots)
        {
            if (s.GradSum is not null && s.Param.grad is { } g)
            {
                s.GradSum.add_(g);
                // Freed, not zeroed: between backwards (and during rollouts) the low-precision gradients take no memory.
                s.Param.grad = null;
                g.Dispose();
                s.HasGrad = true;
            }
        }
    }

    /// <summary>
    /// The accumulated gradient of every parameter that has one (its float32 buffer, or <c>.grad</c> of a float32 parameter),
    /// after flushing pending low-precision gradients. Clipping scales these in place; <see cref="Step"/> reads them.
    /// </summary>
    public IReadOnlyList<Tensor> Gradients()
    {
        AccumulateGradients();
        return [.. slots.Select(s => s.Gradient).Where(g => g is not null).Select(g => g!)];
    }

    /// <summary>Applies one update with learning rate <paramref name="lr"/> from the accumulated gradients (skipping parameters without one).</summary>
    public void Step(double lr)
    {
        AccumulateGradients();
        StepCount++;
        var bias1 = 1 - Math.Pow(Beta1, StepCount);
        var bias2 = 1 - Math.Pow(Beta2, StepCount);
        using var noGrad = torch.no_grad();
        foreach (var s in slots)
        {
            if (s.Gradient is not { } grad)
            {
                continue;
            }
            using var scope = NewDisposeScope();
            var g = grad.dtype == ScalarType.Float32 ? grad : grad.to(ScalarType.Float32);
            s.M.mul_(Beta1).add_(g, alpha: 1 - Beta1);
            s.V.mul_(Beta2).addcmul_(g, g, value: 1 - Beta2);
            var update = (s.M / bias1) / ((s.V / bias2).sqrt() + Epsilon);
            if (s.Master is { } master)
            {
                master.mul_(1 - (lr * WeightDecay)).sub_(update * lr);
                s.Param.copy_(master);
            }
            else
            {
                var p32 = s.Param.to(ScalarType.Float32);
                p32.mul_(1 - (lr * WeightDecay)).sub_(update * lr);
                if (!ReferenceEquals(p32, s.Param))
                {
                    s.Param.copy_(p32);
                }
            }
        }
    }

    /// <summary>Zeroes every gradient (parameters' <c>.grad</c> and the float32 buffers).</summary>
    public void ZeroGrad()
    {
        using var noGrad = torch.no_grad();
        foreach (var s in slots)
        {
            s.Param.grad?.zero_();
            s.GradSum?.zero_();
            s.HasGrad = false;
        }
    }

    /// <summary>The state as named live tensors, ordered by name: "m.&lt;param&gt;", "v.&lt;param&gt;" and, for low-precision parameters, "master.&lt;param&gt;".</summary>
    public IReadOnlyList<(string Name, Tensor Tensor)> StateTensors() =>
        [.. slots.OrderBy(s => s.Name, StringComparer.Ordinal).SelectMany(s => s.State())];

    /// <summary>
    /// Restores the tensors of <see cref="StateTensors"/> (read by name) and the step count, then refreshes each
    /// low-precision parameter from its master weight.
    /// </summary>
    public void LoadState(Func<string, Tensor> read, long stepCount)
    {
        using var noGrad = torch.no_grad();
        foreach (var s in slots)
        {
            foreach (var (name, tensor) in s.State())
            {
                using var scope = NewDisposeScope();
                tensor.copy_(read(name));
            }
            if (s.Master is { } master)
            {
                s.Param.copy_(master);
            }
        }
        StepCount = stepCount;
    }

    public void Dispose()
    {
        foreach (var s in slots)
        {
            s.M.Dispose();
            s.V.Dispose();
            s.Master?.Dispose();
            s.GradSum?.Dispose();
        }
    }

    private sealed class Slot(string name, Parameter param, Tensor m, Tensor v, Tensor? master, Tensor? gradSum)
    {
        public string Name { get; } = name;

        public Parameter Param { get; } = param;

        public Tensor M { get; } = m;

        public Tensor V { get; } = v;

        /// <summary>Float32 master weight of a bfloat16/float16 parameter; null otherwise.</summary>
        public Tensor? Master { get; } = master;

        /// <summary>Float32 gradient accumulator of a low-precision parameter; null for float32 (its .grad accumulates).</summary>
        public Tensor? GradSum { get; } = gradSum;

        public bool HasGrad { get; set; }

        public Tensor? Gradient => GradSum is null ? Param.grad : HasGrad ? GradSum : null;

        public static Slot Create(string name, Parameter p)
        {
            var m = torch.zeros(p.shape, ScalarType.Float32, p.device);
            var v = torch.zeros(p.shape, ScalarType.Float32, p.device);
            if (p.dtype is not (ScalarType.BFloat16 or ScalarType.Float16))
            {
                return new Slot(name, p, m, v, null, null);
            }
            var master = p.detach().to(ScalarType.Float32, copy: true);
            return new Slot(name, p, m, v, master, torch.zeros(p.shape, ScalarType.Float32, p.device));
        }

        public IEnumerable<(string Name, Tensor Tensor)> State()
        {
            yield return ("m." + Name, M);
            yield return ("v." + Name, V);
            if (Master is not null)
            {
                yield return ("master." + Name, Master);
            }
        }
    }
}
