using G2rl.Model;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace G2rl.Training;

/// <summary>
/// The pre-update state of a step, kept in CPU memory: the optimizer's explicit state (<see cref="AdamW.StateTensors"/>:
/// moments and, for bf16/fp16 parameters, their float32 master weights, which <see cref="AdamW.LoadState"/> copies back into
/// the low-precision weights) and its step count, plus the float32 parameters the optimizer updates in place (they are their
/// own master). Frozen parameters (a LoRA run's base) never change in an update and are not copied. A step that leaves a
/// non-finite parameter or a non-finite logit is rolled back to it; a failure inside a step restores it before the emergency
/// checkpoint. Cost per step: a device-to-host copy of that state (full fine-tuning: 12 B per parameter in bf16 with master
/// weights, 12 B in float32; LoRA: the adapters only) held in host memory.
/// </summary>
public sealed class StepSnapshot : IDisposable
{
    private readonly List<(Parameter Param, Tensor Saved)> parameters = [];
    private readonly Dictionary<string, Tensor> optimizerState = new(StringComparer.Ordinal);
    private readonly long optimizerSteps;

    private StepSnapshot(AdamW optimizer)
    {
        using var noGrad = torch.no_grad();
        foreach (var p in optimizer.Parameters.Where(p => p.dtype == ScalarType.Float32))
        {
            parameters.Add((p, p.detach().to(CPU, copy: true).DetachFromDisposeScope()));
        }
        foreach (var (name, t) in optimizer.StateTensors())
        {
            optimizerState[name] = t.detach().to(CPU, copy: true).DetachFromDisposeScope();
        }
        optimizerSteps = optimizer.StepCount;
    }

    /// <summary>Copies the current state.</summary>
    public static StepSnapshot Take(AdamW optimizer) => new(optimizer);

    /// <summary>Writes the saved state back into the live parameters and optimizer.</summary>
    public void Restore(AdamW optimizer)
    {
        using (var noGrad = torch.no_grad())
        {
            foreach (var (p, saved) in parameters)
            {
                p.copy_(saved);
            }
        }
        optimizer.LoadState(name => optimizerState[name], optimizerSteps);
    }

    /// <summary>
    /// True when every parameter is finite and the logits of <paramref name="probeIds"/> (a training prompt, the next
    /// rollout's first input) are finite.
    /// </summary>
    public static bool IsHealthy(Qwen3ForCausalLM policy, IReadOnlyList<int>? probeIds)
    {
        using var scope = NewDisposeScope();
        using var noGrad = torch.no_grad();
        var bad = torch.zeros(1, ScalarType.Int64, policy.Device);
        foreach (var p in policy.parameters())
        {
            bad += p.isfinite().logical_not().sum();
        }
        if (bad.item<long>() > 0)
        {
            return false;
        }
        if (probeIds is not { Count: > 0 })
        {
            return true;
        }
        var ids = torch.tensor(probeIds.Select(i => (long)i).ToArray(), device: policy.Device).unsqueeze(0);
        var (logits, _) = policy.Forward(ids, torch.ones_like(ids));
        return logits.isfinite().all().item<bool>();
    }

    public void Dispose()
    {
        foreach (var t in parameters.Select(p => p.Saved).Concat(optimizerState.Values))
        {
            t.Dispose();
        }
    }
}
