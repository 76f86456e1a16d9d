using System.Runtime.InteropServices;
using G2rl.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace G2rl.Bench;

/// <summary>Where a benchmark ran, recorded with its results.</summary>
internal sealed record MachineInfo(
    string Os,
    string? Cpu,
    int LogicalCores,
    int TorchThreads,
    string Dotnet,
    string TorchSharp,
    string Libtorch,
    string Device,
    string Dtype,
    string? Gpu,
    string? GitCommit)
{
    /// <summary>Collects the facts for a run on <paramref name="device"/> in <paramref name="dtype"/>.</summary>
    public static MachineInfo Collect(Device device, ScalarType dtype)
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var gpu = device.type == DeviceType.CUDA
            ? ProcessText.Run("nvidia-smi", "--query-gpu=name,memory.total,driver_version", "--format=csv,noheader", "-i", device.index.ToString(System.Globalization.CultureInfo.InvariantCulture))
            : null;
        var libtorch = $"{TorchRuntime.Loaded?.ToString() ?? "?"}{(TorchRuntime.UsedPatchedShim ? " (patched shim)" : string.Empty)}";
        return new MachineInfo(
            RuntimeInformation.OSDescription,
            cpu,
            Environment.ProcessorCount,
            torch.get_num_threads(),
            RuntimeInformation.FrameworkDescription,
            typeof(torch).Assembly.GetName().Version?.ToString() ?? "?",
            libtorch,
            device.ToString(),
            DTypes.Name(dtype),
            gpu,
            ProcessText.Run("git", "rev-parse", "--short", "HEAD"));
    }

    /// <summary>One line for the table's caption.</summary>
    public string Summary() =>
        $"{Cpu ?? "unknown CPU"}, {LogicalCores} logical cores, torch threads {TorchThreads}; {Dotnet}; TorchSharp {TorchSharp}, libtorch {Libtorch}; device {Device}{(Gpu is null ? string.Empty : $" ({Gpu})")}, {Dtype}{(GitCommit is null ? string.Empty : $"; commit {GitCommit}")}";
}
