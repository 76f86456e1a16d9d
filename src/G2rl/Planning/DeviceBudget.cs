using System.Globalization;
using G2rl.Runtime;

namespace G2rl.Planning;

/// <summary>
/// The memory the plan may use: the device's total minus a reserve of 5% (allocator fragmentation, workspaces) and, on
/// CUDA, 1 GiB more for the CUDA context and kernels. <see cref="Source"/> says where the total came from.
/// </summary>
public sealed record DeviceBudget(long TotalBytes, string Source, bool Cuda)
{
    /// <summary>Bytes held back from <see cref="TotalBytes"/>.</summary>
    public long ReserveBytes => (TotalBytes / 20) + (Cuda ? 1L << 30 : 0);

    /// <summary>What the plan may use: total − reserve.</summary>
    public long Bytes => Math.Max(0, TotalBytes - ReserveBytes);

    /// <summary>A given size in GB (10⁹ bytes), e.g. --device-memory-gb 141.</summary>
    public static DeviceBudget FromGigabytes(double gb, bool cuda) =>
        gb > 0 && double.IsFinite(gb)
            ? new((long)(gb * 1e9), string.Create(CultureInfo.InvariantCulture, $"--device-memory-gb {gb}"), cuda)
            : throw new G2rlException($"--device-memory-gb must be a positive number, got {gb}");

    /// <summary>
    /// The budget for <paramref name="deviceSpec"/> when none is given: a CUDA device's total memory (cudaMemGetInfo), or on CPU
    /// the machine's available memory (/proc/meminfo MemAvailable). Throws when it cannot be found.
    /// </summary>
    public static DeviceBudget Query(string deviceSpec)
    {
        if (ComputeDevice.IsCuda(deviceSpec))
        {
            var index = deviceSpec.Contains(':', StringComparison.Ordinal) ? int.Parse(deviceSpec[(deviceSpec.IndexOf(':', StringComparison.Ordinal) + 1)..], CultureInfo.InvariantCulture) : 0;
            CudaMemoryInfo info;
            try
            {
                info = CudaMemory.Query(index);
            }
            catch (G2rlException ex)
            {
                throw new G2rlException($"memory plan: cannot query cuda:{index} ({ex.Message}); give --device-memory-gb N", ex);
            }
            return new(info.TotalBytes, $"cudaMemGetInfo on cuda:{index} (total; {info.FreeBytes} B free when planned)", true);
        }
        return FromMeminfo("/proc/meminfo");
    }

    /// <summary>MemAvailable of a /proc/meminfo file (kB) as the CPU budget.</summary>
    public static DeviceBudget FromMeminfo(string path)
    {
        if (File.Exists(path))
        {
            foreach (var line in File.ReadLines(path))
            {
                var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length >= 2 && parts[0] == "MemAvailable:" && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var kb))
                {
                    return new(kb * 1024, $"{path} MemAvailable", false);
                }
            }
        }
        throw new G2rlException($"cannot read MemAvailable from {path}: give --device-memory-gb");
    }
}
