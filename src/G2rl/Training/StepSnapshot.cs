using G2rl.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace G2rl.Training;

/// <summary>
/// The pre-update state of a step, kept in CPU memory: every policy parameter and the optimizer's explicit state
/// (<see cref="AdamW.StateTensors"/>, whatever it holds, and its step count). A step that leaves a non-finite parameter
/// or a non-finite logit is rolled back to it; a failure inside a step restores it before the emergency checkpoint.
/// Costs one copy of weights + optimizer state in host memory and a device-to-host copy per step.
/// </summary>
public sealed class StepSnapshot : IDisposable
{
    private readonly Dictionary<string, Tensor> parameters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Tensor> optimizerState = new(StringComparer.Ordinal);
    private readonly long optimizerSteps;

    private StepSnapshot(Qwen3ForCausalLM policy, AdamW optimizer)
    {
        using var noGrad = torch.no_grad();
        foreach (var (name, p) in policy.named_parameters())
        {
            parameters[name] = p.detach().to(CPU, copy: true).DetachFromDisposeScope();
        }
        foreach (var (name, t) in optimizer.StateTensors())
        {
            optimizerState[name] = t.detach().to(CPU, copy: true).DetachFromDisposeScope();
        }
        optimizerSteps = optimizer.StepCount;
    }

    /// <summary>Copies the current state.</summary>
    public static StepSnapshot Take(Qwen3ForCausalLM policy, AdamW optimizer) => new(policy, optimizer);

    /// <summary>Writes the saved state back into the live parameters and optimizer.</summary>
    public void Restore(Qwen3ForCausalLM policy, AdamW optimizer)
    {
        using (var noGrad = torch.no_grad())
        {
            foreach (var (name, p) in policy.named_parameters())
            {
                p.copy_(parameters[name]);
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
        foreach (var t in parameters.Values.Concat(optimizerState.Values))
        {
            t.Dispose();
        }
    }
}
