using System.Diagnostics;
using TorchSharp;
using static TorchSharp.torch;

namespace G2rl.Bench;

/// <summary>Wall-clock timing of one call, synchronising a CUDA device before and after so queued kernels are counted.</summary>
internal static class DeviceClock
{
    /// <summary>Runs <paramref name="action"/> and returns its result and elapsed seconds.</summary>
    public static (T Result, double Seconds) Time<T>(Device device, Func<T> action)
    {
        Synchronize(device);
        var sw = Stopwatch.StartNew();
        var result = action();
        Synchronize(device);
        return (result, sw.Elapsed.TotalSeconds);
    }

    /// <summary>Waits for queued CUDA work; no-op on the CPU.</summary>
    public static void Synchronize(Device device)
    {
        if (device.type == DeviceType.CUDA)
        {
            torch.cuda.synchronize(device);
        }
    }
}
