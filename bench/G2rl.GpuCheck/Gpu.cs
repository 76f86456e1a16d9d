using G2rl.Runtime;
using TorchSharp;

namespace G2rl.GpuCheck;

/// <summary>
/// Whether this process can run the CUDA checks: cudaMemGetInfo answers (a GPU and PyTorch's libcudart) and the CUDA
/// libtorch of the PyTorch install loads. Decided once, before any other TorchSharp use; without a GPU nothing is loaded
/// and every check skips with <see cref="Reason"/>.
/// </summary>
internal static class Gpu
{
    private static readonly Lazy<(bool Ok, string Reason)> State = new(Probe);

    public static bool Available => State.Value.Ok;

    public static string Reason => State.Value.Reason;

    /// <summary>cuda:0.</summary>
    public static torch.Device Cuda => new(DeviceType.CUDA, 0);

    private static (bool, string) Probe()
    {
        if (!CudaMemory.TryQuery(0, out _))
        {
            return (false, "no CUDA device (cudaMemGetInfo unavailable: no GPU or no PyTorch libcudart)");
        }
        try
        {
            TorchRuntime.Initialize(DeviceKind.Cuda);
            return CudaIsAvailable() ? (true, "") : (false, "libtorch loaded but torch.cuda.is_available() is false");
        }
        catch (G2rlException ex)
        {
            return (false, ex.Message);
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static bool CudaIsAvailable() => torch.cuda.is_available();
}
