using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using TorchSharp;

namespace G2rl.Runtime;

/// <summary>
/// Loads libtorch and TorchSharp's native shim with no manual step. On Linux a DllImport resolver is installed
/// on TorchSharp when this assembly loads: the first TorchSharp call then gets the CPU libtorch of the
/// libtorch-cpu-linux-x64 package, with a cached, patched copy of <c>libLibTorchSharp.so</c> when the system's
/// libstdc++ lacks <c>GLIBCXX_3.4.32</c>. Call <see cref="Initialize"/> with <see cref="DeviceKind.Cuda"/> before any
/// tensor work to use the libtorch of a PyTorch install instead.
/// </summary>
public static class TorchRuntime
{
    private static readonly object Gate = new();
    private static readonly HashSet<string> WeakVersions = ["GLIBCXX_3.4.32"];
    private static readonly Dictionary<string, IntPtr> Handles = new(StringComparer.Ordinal);
    private static DeviceKind? natives;
    private static bool deviceReady;

    /// <summary>Which libtorch was loaded, or null before the first use.</summary>
    public static DeviceKind? Loaded => natives;

    /// <summary>True when the CPU shim had to be loaded from a patched copy.</summary>
    public static bool UsedPatchedShim { get; private set; }

#pragma warning disable CA2255 // A library-level initializer is the point: it must run before TorchSharp's first native call.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void InstallResolver()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }
        try
        {
            NativeLibrary.SetDllImportResolver(typeof(torch).Assembly, Resolve);
        }
        catch (InvalidOperationException)
        {
            // The application installed its own resolver; respect it.
        }
    }

    /// <summary>
    /// Loads the native backend for <paramref name="device"/> and initialises the device type. CUDA must be chosen
    /// before any CPU tensor work in the process (libtorch can be loaded only once).
    /// </summary>
    public static void Initialize(DeviceKind device = DeviceKind.Cpu)
    {
        lock (Gate)
        {
            if (OperatingSystem.IsLinux())
            {
                if (natives is null)
                {
                    LoadNatives(device);
                }
                else if (natives == DeviceKind.Cpu && device == DeviceKind.Cuda)
                {
                    throw new G2rlException("libtorch was already loaded for CPU in this process; --device cuda must be chosen before any tensor work.");
                }
            }
            if (deviceReady && device == DeviceKind.Cpu)
            {
                return;
            }
            if (device == DeviceKind.Cuda)
            {
                if (!torch.TryInitializeDeviceType(DeviceType.CUDA) || !torch.cuda.is_available())
                {
                    throw new G2rlException("libtorch with CUDA loaded, but CUDA is not available (no GPU or driver visible to this process).");
                }
                ConfigureCudaMath();
            }
            else
            {
                torch.InitializeDeviceType(DeviceType.CPU);
            }
            deviceReady = true;
        }
    }

    /// <summary>True when float32 matmuls and convolutions on CUDA may use TF32 tensor cores (set by <see cref="Initialize"/> for CUDA).</summary>
    public static bool Tf32Enabled { get; private set; }

    /// <summary>
    /// TF32 for float32 matmuls and cuDNN convolutions (torch.backends.cuda.matmul.allow_tf32 / cudnn.allow_tf32 = True):
    /// a 10-bit mantissa product with float32 accumulation, ~1e-3 relative per product, as PyTorch recipes and verl use for
    /// the float32 parts (master-weight math stays elementwise float32). G2RL_TF32=0 keeps full float32 (exact CPU parity checks).
    /// </summary>
    private static void ConfigureCudaMath()
    {
        var enable = Environment.GetEnvironmentVariable("G2RL_TF32") is not ("0" or "false" or "False");
        torch.backends.cuda.matmul.allow_tf32 = enable;
        torch.backends.cudnn.allow_tf32 = enable;
        Tf32Enabled = enable;
    }

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        lock (Gate)
        {
            if (natives is null)
            {
                LoadNatives(DeviceKind.Cpu);
            }
            return Handles.TryGetValue(StripLib(name), out var handle) ? handle : IntPtr.Zero;
        }
    }

    private static void LoadNatives(DeviceKind device)
    {
        var tried = new List<string>();
        if (device == DeviceKind.Cuda)
        {
            var cudaDir = LibTorchLocator.CudaLibFolder();
            LoadAll(cudaDir, ["libc10.so", "libtorch_cpu.so", "libc10_cuda.so", "libtorch_cuda.so", "libtorch.so"], "the PyTorch install used for --device cuda");
        }
        else
        {
            var libDir = LibTorchLocator.FindFolderWith(LibTorchLocator.CpuNativeCandidates(), "libtorch_cpu.so", tried)
                ?? throw new G2rlException("libtorch CPU natives not found (is the libtorch-cpu-linux-x64 package restored?). Tried: " + string.Join(", ", tried));
            LoadAll(libDir, ["libc10.so", "libtorch_cpu.so", "libtorch.so"], "the libtorch-cpu-linux-x64 package");
        }
        Handles["LibTorchSharp"] = LoadShim(tried);
        natives = device;
    }

    private static void LoadAll(string dir, string[] libs, string what)
    {
        foreach (var lib in libs)
        {
            var path = Path.Combine(dir, lib);
            if (!NativeLibrary.TryLoad(path, out var handle))
            {
                throw new G2rlException($"could not load {path} (from {what})");
            }
            Handles[StripLib(lib)] = handle;
        }
    }

    private static IntPtr LoadShim(List<string> tried)
    {
        var shimDir = LibTorchLocator.FindFolderWith(LibTorchLocator.ShimCandidates(), "libLibTorchSharp.so", tried)
            ?? throw new G2rlException("libLibTorchSharp.so not found (is the TorchSharp package restored?). Tried: " + string.Join(", ", tried));
        var shim = Path.Combine(shimDir, "libLibTorchSharp.so");
        try
        {
            return NativeLibrary.Load(shim);
        }
        catch (DllNotFoundException ex) when (ex.Message.Contains("GLIBCXX", StringComparison.Ordinal))
        {
            var patched = PatchedLibraryCache.GetOrCreate(shim, WeakVersions);
            UsedPatchedShim = true;
            return NativeLibrary.Load(patched);
        }
    }

    private static string StripLib(string name)
    {
        var file = Path.GetFileName(name);
        if (file.EndsWith(".so", StringComparison.Ordinal))
        {
            file = file[..^3];
        }
        return file.StartsWith("lib", StringComparison.Ordinal) && file != "libLibTorchSharp" ? file[3..] : file == "libLibTorchSharp" ? "LibTorchSharp" : file;
    }
}
