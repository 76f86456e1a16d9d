using G2rl.Planning;
using G2rl.Runtime;
using G2rl.Tests.Support;

namespace G2rl.Tests.Runtime;

/// <summary>libcudart is looked for where PyTorch wheels put it; without a GPU the query fails cleanly and the plan falls back.</summary>
public sealed class CudaMemoryTests : IDisposable
{
    private readonly TempDir temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void CandidatesCoverTorchLibAndTheNvidiaWheelLayouts()
    {
        var site = temp.Sub("site-packages");
        var torchLib = Path.Combine(site, "torch", "lib");
        foreach (var f in new[]
        {
            Path.Combine(torchLib, "libcudart-9a1b2c.so.12"),
            Path.Combine(site, "nvidia", "cuda_runtime", "lib", "libcudart.so.12"),
            Path.Combine(site, "nvidia", "cu13", "lib", "libcudart.so.13"),
            Path.Combine(site, "nvidia", "cublas", "lib", "libcublas.so.12"),
        })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(f)!);
            File.WriteAllText(f, "");
        }
        var found = CudaMemory.Candidates(torchLib).Where(c => c != Environment.GetEnvironmentVariable("G2RL_CUDART")).ToList();
        Assert.Equal(
            [
                Path.Combine(torchLib, "libcudart-9a1b2c.so.12"),
                Path.Combine(site, "nvidia", "cuda_runtime", "lib", "libcudart.so.12"),
                Path.Combine(site, "nvidia", "cu13", "lib", "libcudart.so.13"),
                "libcudart.so.13", "libcudart.so.12", "libcudart.so",
            ],
            found.Distinct().ToList());
    }

    [Fact]
    public void WithoutAGpuTheQueryFailsCleanly()
    {
        if (CudaMemory.TryQuery(0, out _))
        {
            return; // a GPU is present: bench/G2rl.GpuCheck covers the query there
        }
        var e = Assert.Throws<G2rlException>(() => CudaMemory.Query(0));
        Assert.Contains("cuda", e.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("--device-memory-gb", Assert.Throws<G2rlException>(() => DeviceBudget.Query("cuda")).Message);
    }

    [Fact]
    public void CpuBudgetIsMemAvailableOfMeminfo()
    {
        var path = temp.Write("meminfo", "MemTotal:       16384000 kB\nMemFree:          100000 kB\nMemAvailable:    8000000 kB\n");
        var budget = DeviceBudget.FromMeminfo(path);
        Assert.Equal(8_000_000L * 1024, budget.TotalBytes);
        Assert.Equal(budget.TotalBytes - (budget.TotalBytes / 20), budget.Bytes);
        Assert.Throws<G2rlException>(() => DeviceBudget.FromMeminfo(temp.Sub("missing")));
        Assert.Equal(141_000_000_000L - 7_050_000_000L - (1L << 30), DeviceBudget.FromGigabytes(141, cuda: true).Bytes);
        Assert.Throws<G2rlException>(() => DeviceBudget.FromGigabytes(-1, cuda: true));
    }
}
