using System.Diagnostics;
using static TorchSharp.torch;

namespace G2rl.Bench;

/// <summary>Wall-clock (device-synchronised, see <see cref="DeviceClock"/>) and process CPU seconds of one call.</summary>
internal static class CpuClock
{
    public static (double Wall, double Cpu) Time(Device device, Action action)
    {
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        var cpu0 = self.TotalProcessorTime;
        var (_, wall) = DeviceClock.Time(device, () =>
        {
            action();
            return 0;
        });
        self.Refresh();
        return (wall, (self.TotalProcessorTime - cpu0).TotalSeconds);
    }
}
