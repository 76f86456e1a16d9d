using System.Diagnostics;
using System.Globalization;

namespace G2rl.Bench;

/// <summary>
/// CUDA runs: polls <c>nvidia-smi --query-gpu=memory.used</c> every 100 ms in a child process and keeps the maximum.
/// TorchSharp 0.107 does not expose <c>torch.cuda.max_memory_allocated</c>, so this is device-wide memory in use:
/// the CUDA context, the caching allocator's reserve and anything else on that GPU, not just live tensors.
/// </summary>
internal sealed class NvidiaSmiProbe : IMemoryProbe
{
    private readonly Process? process;
    private readonly object gate = new();
    private long last = -1;
    private long peak = -1;

    public NvidiaSmiProbe(int cudaIndex)
    {
        var index = PhysicalIndex(cudaIndex);
        try
        {
            var psi = new ProcessStartInfo("nvidia-smi")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var a in new[] { "--query-gpu=memory.used", "--format=csv,noheader,nounits", "-i", index, "-lms", "100" })
            {
                psi.ArgumentList.Add(a);
            }
            process = Process.Start(psi);
            if (process is not null)
            {
                process.OutputDataReceived += (_, e) => OnLine(e.Data);
                process.ErrorDataReceived += (_, _) => { };
                process.BeginOutputReadLine();
                process.BeginErrorReadLine();
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            process = null;
        }
        What = process is null
            ? "GPU memory: unavailable (nvidia-smi not found)"
            : $"peak GPU memory used on GPU {index} (nvidia-smi, 100 ms polls; whole device: CUDA context + allocator cache + tensors)";
    }

    public string What { get; }

    /// <summary>The latest reading in bytes (or null before the first one), e.g. to record a baseline.</summary>
    public long? CurrentBytes()
    {
        lock (gate)
        {
            return last < 0 ? null : last * 1024 * 1024;
        }
    }

    /// <summary>Waits up to <paramref name="timeout"/> for the first reading.</summary>
    public void WaitForFirstReading(TimeSpan timeout)
    {
        var sw = Stopwatch.StartNew();
        while (process is not null && CurrentBytes() is null && sw.Elapsed < timeout)
        {
            Thread.Sleep(20);
        }
    }

    public void ResetPeak()
    {
        lock (gate)
        {
            peak = last;
        }
    }

    public long? PeakBytes()
    {
        // Let the poller catch the state at the end of the measured region.
        Thread.Sleep(250);
        lock (gate)
        {
            return peak < 0 ? null : peak * 1024 * 1024;
        }
    }

    public void Dispose()
    {
        if (process is null)
        {
            return;
        }
        try
        {
            if (!process.HasExited)
            {
                process.Kill();
                process.WaitForExit(2000);
            }
        }
        catch (InvalidOperationException)
        {
        }
        process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null || !long.TryParse(line.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var mib))
        {
            return;
        }
        lock (gate)
        {
            last = mib;
            peak = Math.Max(peak, mib);
        }
    }

    /// <summary>nvidia-smi numbers GPUs physically; map cuda:N through CUDA_VISIBLE_DEVICES when it lists indices.</summary>
    private static string PhysicalIndex(int cudaIndex)
    {
        var visible = Environment.GetEnvironmentVariable("CUDA_VISIBLE_DEVICES");
        if (string.IsNullOrWhiteSpace(visible))
        {
            return cudaIndex.ToString(CultureInfo.InvariantCulture);
        }
        var parts = visible.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return cudaIndex < parts.Length ? parts[cudaIndex] : cudaIndex.ToString(CultureInfo.InvariantCulture);
    }
}
