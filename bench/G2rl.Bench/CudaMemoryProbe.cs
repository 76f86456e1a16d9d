using System.Globalization;
using G2rl.Runtime;

namespace G2rl.Bench;

/// <summary>
/// CUDA runs: a background thread polls <c>cudaMemGetInfo</c> (<see cref="CudaMemory"/>, P/Invoke of the PyTorch install's
/// libcudart) every <see cref="IntervalMs"/> ms and keeps the highest total − free. Device-wide like nvidia-smi (CUDA context,
/// the caching allocator's reserve, other processes), but read in-process and 20× more often; a spike shorter than the
/// interval can still be missed.
/// </summary>
internal sealed class CudaMemoryProbe : IMemoryProbe
{
    /// <summary>Polling interval.</summary>
    public const int IntervalMs = 5;

    private readonly int device;
    private readonly Thread thread;
    private readonly object gate = new();
    private volatile bool stop;
    private long last = -1;
    private long peak = -1;

    private CudaMemoryProbe(int device)
    {
        this.device = device;
        thread = new Thread(Poll) { IsBackground = true, Name = "cuda-memory-probe" };
        thread.Start();
        What = string.Create(CultureInfo.InvariantCulture,
            $"peak GPU memory used on cuda:{device} (cudaMemGetInfo total − free, polled every {IntervalMs} ms; whole device: CUDA context + allocator cache + tensors)");
    }

    public string What { get; }

    /// <summary>A probe when cudaMemGetInfo answers for <paramref name="device"/>, else null.</summary>
    public static CudaMemoryProbe? TryCreate(int device) => CudaMemory.TryQuery(device, out _) ? new CudaMemoryProbe(device) : null;

    public void ResetPeak()
    {
        var now = Read();
        lock (gate)
        {
            last = now ?? last;
            peak = last;
        }
    }

    public long? PeakBytes()
    {
        var now = Read();
        lock (gate)
        {
            peak = Math.Max(peak, now ?? -1);
            return peak < 0 ? null : peak;
        }
    }

    public void Dispose()
    {
        stop = true;
        thread.Join(1000);
    }

    private long? Read() => CudaMemory.TryQuery(device, out var info) ? info.UsedBytes : null;

    private void Poll()
    {
        while (!stop)
        {
            if (Read() is long used)
            {
                lock (gate)
                {
                    last = used;
                    peak = Math.Max(peak, used);
                }
            }
            Thread.Sleep(IntervalMs);
        }
    }
}
