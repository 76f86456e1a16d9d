using System.Runtime.InteropServices;

namespace G2rl.Runtime;

/// <summary>
/// Free/total GPU memory by P/Invoke of the CUDA runtime's <c>cudaMemGetInfo</c> (TorchSharp 0.107 has no memory statistics).
/// libcudart comes from the PyTorch install whose libtorch the CUDA path uses: <c>G2RL_CUDART</c> (a file) when set, else next to
/// torch/lib (older wheels bundle <c>libcudart-&lt;hash&gt;.so.12</c> there), else the wheel's nvidia packages
/// (<c>site-packages/nvidia/cuda_runtime/lib/libcudart.so.12</c>, <c>nvidia/cu13/lib/libcudart.so.13</c>, any
/// <c>nvidia/*/lib/libcudart.so*</c>), else the system loader (libcudart.so.13, .12, libcudart.so).
/// </summary>
public static class CudaMemory
{
    private static readonly object Gate = new();
    private static Api? api;

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int MemGetInfoFn(out nuint free, out nuint total);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int DeviceFn(int device);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int GetDeviceFn(out int device);

    /// <summary>The libcudart that was loaded, or null before the first successful query.</summary>
    public static string? LibraryPath => api?.Path;

    /// <summary>Free and total memory of CUDA device <paramref name="device"/>; throws a <see cref="G2rlException"/> naming what was tried.</summary>
    public static CudaMemoryInfo Query(int device = 0)
    {
        var a = Load();
        var status = a.GetDevice(out var previous);
        if (status == 0 && previous != device)
        {
            Check(a.SetDevice(device), "cudaSetDevice");
        }
        try
        {
            Check(a.MemGetInfo(out var free, out var total), "cudaMemGetInfo");
            return new CudaMemoryInfo((long)free, (long)total);
        }
        finally
        {
            if (status == 0 && previous != device)
            {
                a.SetDevice(previous);
            }
        }
    }

    /// <summary>Like <see cref="Query"/>, false instead of an exception (no GPU, no libcudart).</summary>
    public static bool TryQuery(int device, out CudaMemoryInfo info)
    {
        try
        {
            info = Query(device);
            return true;
        }
        catch (G2rlException)
        {
            info = default;
            return false;
        }
    }

    /// <summary>libcudart candidates, most specific first, for a PyTorch lib folder <paramref name="torchLib"/> (may be null).</summary>
    public static IEnumerable<string> Candidates(string? torchLib)
    {
        var explicitPath = Environment.GetEnvironmentVariable("G2RL_CUDART");
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            yield return explicitPath;
        }
        if (torchLib is not null && Directory.Exists(torchLib))
        {
            foreach (var f in Directory.EnumerateFiles(torchLib, "libcudart*.so*").Order(StringComparer.Ordinal))
            {
                yield return f;
            }
            var nvidia = Path.GetFullPath(Path.Combine(torchLib, "..", "..", "nvidia"));
            foreach (var sub in new[] { "cuda_runtime", "cu13", "cu12" })
            {
                foreach (var f in Files(Path.Combine(nvidia, sub, "lib")))
                {
                    yield return f;
                }
            }
            if (Directory.Exists(nvidia))
            {
                foreach (var dir in Directory.EnumerateDirectories(nvidia).Order(StringComparer.Ordinal))
                {
                    foreach (var f in Files(Path.Combine(dir, "lib")))
                    {
                        yield return f;
                    }
                }
            }
        }
        yield return "libcudart.so.13";
        yield return "libcudart.so.12";
        yield return "libcudart.so";
    }

    private static IEnumerable<string> Files(string dir) =>
        Directory.Exists(dir) ? Directory.EnumerateFiles(dir, "libcudart.so*").OrderDescending(StringComparer.Ordinal) : [];

    private static Api Load()
    {
        lock (Gate)
        {
            if (api is not null)
            {
                return api;
            }
            string? torchLib = null;
            try
            {
                torchLib = LibTorchLocator.CudaLibFolder();
            }
            catch (G2rlException)
            {
                // No CUDA PyTorch found: fall back to the system loader's libcudart.
            }
            var tried = new List<string>();
            foreach (var path in Candidates(torchLib).Distinct())
            {
                tried.Add(path);
                if (NativeLibrary.TryLoad(path, out var handle)
                    && NativeLibrary.TryGetExport(handle, "cudaMemGetInfo", out var memGetInfo)
                    && NativeLibrary.TryGetExport(handle, "cudaSetDevice", out var setDevice)
                    && NativeLibrary.TryGetExport(handle, "cudaGetDevice", out var getDevice))
                {
                    api = new Api(path,
                        Marshal.GetDelegateForFunctionPointer<MemGetInfoFn>(memGetInfo),
                        Marshal.GetDelegateForFunctionPointer<DeviceFn>(setDevice),
                        Marshal.GetDelegateForFunctionPointer<GetDeviceFn>(getDevice));
                    return api;
                }
            }
            throw new G2rlException("cudaMemGetInfo: no usable libcudart found (tried " + string.Join(", ", tried) + "); set G2RL_CUDART to the file");
        }
    }

    private static void Check(int status, string what)
    {
        if (status != 0)
        {
            throw new G2rlException($"{what} failed with CUDA error {status} (no GPU visible?)");
        }
    }

    private sealed record Api(string Path, MemGetInfoFn MemGetInfo, DeviceFn SetDevice, GetDeviceFn GetDevice);
}
