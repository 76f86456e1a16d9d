using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace G2rl.Reporting;

/// <summary>
/// What a CPU run's numbers depend on besides the code, seeds and settings: the CPU model, its instruction-set level (float
/// rounding of the vectorised kernels differs between SSE, AVX2, AVX-512 and AMX paths) and the thread count (reduction
/// order). Results are bit-identical only when all of these match; see docs/demo.md "What is reproducible".
/// </summary>
/// <param name="CpuModel">"model name" of /proc/cpuinfo, or the architecture where that file is absent.</param>
/// <param name="InstructionSet">x86-64 psABI level from the cpuinfo flags (x86-64-v1 … x86-64-v4, "+amx" when AMX tiles exist), or the architecture.</param>
/// <param name="CpuFlags">The cpuinfo flags that select kernels: avx, avx2, fma, avx512f, avx512_bf16, avx512_fp16, amx_tile … (those present).</param>
/// <param name="DotnetIntrinsics">System.Runtime.Intrinsics IsSupported of Avx2, Avx512F, AdvSimd and Vector512 acceleration.</param>
/// <param name="LogicalCores">Environment.ProcessorCount.</param>
/// <param name="Threads">Threads the tensor library computes with (libtorch's intra-op threads).</param>
/// <param name="Os">Operating system description.</param>
public sealed record MachineInfo(
    string CpuModel, string InstructionSet, IReadOnlyList<string> CpuFlags, IReadOnlyDictionary<string, bool> DotnetIntrinsics,
    int LogicalCores, int Threads, string Os)
{
    /// <summary>Flags reported in <see cref="CpuFlags"/> when present.</summary>
    public static IReadOnlyList<string> KernelFlags { get; } =
        ["sse4_2", "avx", "avx2", "fma", "f16c", "avx512f", "avx512bw", "avx512vl", "avx512_vnni", "avx512_bf16", "avx512_fp16", "amx_tile", "amx_bf16", "amx_int8", "asimd", "sve"];

    /// <summary>This machine, with <paramref name="threads"/> compute threads.</summary>
    public static MachineInfo Current(int threads)
    {
        var cpuinfo = File.Exists("/proc/cpuinfo") ? File.ReadAllText("/proc/cpuinfo") : "";
        var flags = Flags(cpuinfo);
        var arch = RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();
        var model = cpuinfo.Split('\n').FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal)) is { } line
            ? line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim() : arch;
        var intrinsics = new Dictionary<string, bool>
        {
            ["Avx2"] = Avx2.IsSupported,
            ["Avx512F"] = Avx512F.IsSupported,
            ["AdvSimd"] = AdvSimd.IsSupported,
            ["Vector512"] = Vector512.IsHardwareAccelerated,
        };
        var level = RuntimeInformation.ProcessArchitecture is Architecture.X64 && flags.Count > 0 ? X64Level(flags) : arch;
        return new MachineInfo(model, level, [.. KernelFlags.Where(flags.Contains)], intrinsics, Environment.ProcessorCount, threads, RuntimeInformation.OSDescription);
    }

    /// <summary>The flags of the first "flags" line of a /proc/cpuinfo text (empty when there is none).</summary>
    public static HashSet<string> Flags(string cpuinfo)
    {
        ArgumentNullException.ThrowIfNull(cpuinfo);
        var line = cpuinfo.Split('\n').FirstOrDefault(l => l.StartsWith("flags", StringComparison.Ordinal) || l.StartsWith("Features", StringComparison.Ordinal));
        return line is null ? [] : [.. line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries)];
    }

    /// <summary>
    /// The x86-64 psABI micro-architecture level of a flag set (cpuinfo names: pni = SSE3, abm = LZCNT): v2 needs cx16,
    /// lahf_lm, popcnt, pni, sse4_1, sse4_2, ssse3; v3 adds avx, avx2, bmi1, bmi2, f16c, fma, abm, movbe, xsave; v4 adds
    /// avx512f, avx512bw, avx512cd, avx512dq, avx512vl. "+amx" is appended when amx_tile is present.
    /// </summary>
    public static string X64Level(IReadOnlySet<string> flags)
    {
        ArgumentNullException.ThrowIfNull(flags);
        string[] v2 = ["cx16", "lahf_lm", "popcnt", "pni", "sse4_1", "sse4_2", "ssse3"];
        string[] v3 = ["avx", "avx2", "bmi1", "bmi2", "f16c", "fma", "abm", "movbe", "xsave"];
        string[] v4 = ["avx512f", "avx512bw", "avx512cd", "avx512dq", "avx512vl"];
        var level = !v2.All(flags.Contains) ? 1 : !v3.All(flags.Contains) ? 2 : !v4.All(flags.Contains) ? 3 : 4;
        return $"x86-64-v{level}" + (flags.Contains("amx_tile") ? "+amx" : "");
    }

    /// <summary>One line for a report.</summary>
    public string Describe() =>
        $"{CpuModel}, {InstructionSet} ({string.Join(", ", CpuFlags)}), {LogicalCores} logical cores, {Threads} compute thread(s), {Os}";
}
