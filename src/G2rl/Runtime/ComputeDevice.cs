using System.Runtime.CompilerServices;
using TorchSharp;

namespace G2rl.Runtime;

/// <summary>Parses a user's device choice ("cpu", "cuda", "cuda:1") and makes sure the matching libtorch is loaded.</summary>
public static class ComputeDevice
{
    /// <summary>True when <paramref name="spec"/> names a CUDA device.</summary>
    public static bool IsCuda(string spec)
    {
        var s = spec.Trim().ToLowerInvariant();
        return s == "cuda" || s.StartsWith("cuda:", StringComparison.Ordinal);
    }

    /// <summary>Initialises the runtime for <paramref name="spec"/> and returns the TorchSharp device.</summary>
    public static torch.Device Resolve(string spec)
    {
        var s = spec.Trim().ToLowerInvariant();
        var index = 0;
        if (s != "cpu" && !IsCuda(s))
        {
            throw new G2rlException($"unknown device '{spec}': use cpu, cuda or cuda:N");
        }
        if (s.StartsWith("cuda:", StringComparison.Ordinal) && (!int.TryParse(s[5..], out index) || index < 0))
        {
            throw new G2rlException($"unknown device '{spec}': use cpu, cuda or cuda:N");
        }
        // Initialise first, in a method that touches no TorchSharp static, so CUDA can still be chosen.
        TorchRuntime.Initialize(IsCuda(s) ? DeviceKind.Cuda : DeviceKind.Cpu);
        return Make(IsCuda(s), index);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static torch.Device Make(bool cuda, int index) =>
        cuda ? new torch.Device(DeviceType.CUDA, index) : new torch.Device(DeviceType.CPU);
}
