using TorchSharp;

namespace G2rl.Runtime;

/// <summary>Parses a user's device choice ("cpu", "cuda", "cuda:1") and makes sure the matching libtorch is loaded.</summary>
public static class ComputeDevice
{
    /// <summary>Initialises the runtime for <paramref name="spec"/> and returns the TorchSharp device.</summary>
    public static torch.Device Resolve(string spec)
    {
        var s = spec.Trim().ToLowerInvariant();
        if (s == "cpu")
        {
            TorchRuntime.Initialize(DeviceKind.Cpu);
            return torch.CPU;
        }
        if (s == "cuda" || s.StartsWith("cuda:", StringComparison.Ordinal))
        {
            var index = 0;
            if (s.Length > 5 && !int.TryParse(s[5..], out index))
            {
                throw new G2rlException($"unknown device '{spec}': use cpu, cuda or cuda:N");
            }
            TorchRuntime.Initialize(DeviceKind.Cuda);
            return new torch.Device(DeviceType.CUDA, index);
        }
        throw new G2rlException($"unknown device '{spec}': use cpu, cuda or cuda:N");
    }
}
