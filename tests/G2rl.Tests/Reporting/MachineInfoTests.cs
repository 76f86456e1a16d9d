using G2rl.Reporting;

namespace G2rl.Tests.Reporting;

public sealed class MachineInfoTests
{
    private const string V2 = "cx16 lahf_lm popcnt pni sse4_1 sse4_2 ssse3";
    private const string V3 = V2 + " avx avx2 bmi1 bmi2 f16c fma abm movbe xsave";
    private const string V4 = V3 + " avx512f avx512bw avx512cd avx512dq avx512vl";

    [Theory]
    [InlineData("fpu sse sse2", "x86-64-v1")]
    [InlineData(V2, "x86-64-v2")]
    [InlineData(V3, "x86-64-v3")]
    [InlineData(V3 + " avx512f", "x86-64-v3")]
    [InlineData(V4, "x86-64-v4")]
    [InlineData(V4 + " amx_tile amx_bf16", "x86-64-v4+amx")]
    public void The_level_follows_the_psabi_definition(string flags, string level)
    {
        var cpuinfo = $"processor\t: 0\nmodel name\t: Test CPU\nflags\t\t: {flags}\n\nprocessor\t: 1\nflags\t\t: fpu\n";
        Assert.Equal(level, MachineInfo.X64Level(MachineInfo.Flags(cpuinfo)));
    }

    [Fact]
    public void This_machine_agrees_with_the_runtime_intrinsics()
    {
        var m = MachineInfo.Current(threads: 3);
        Assert.Equal(3, m.Threads);
        Assert.Equal(Environment.ProcessorCount, m.LogicalCores);
        Assert.Equal(System.Runtime.Intrinsics.X86.Avx2.IsSupported, m.DotnetIntrinsics["Avx2"]);
        Assert.Equal(System.Runtime.Intrinsics.X86.Avx512F.IsSupported, m.DotnetIntrinsics["Avx512F"]);
        if (File.Exists("/proc/cpuinfo") && System.Runtime.Intrinsics.X86.Avx2.IsSupported)
        {
            // The OS reports avx2, so the level is at least v3, and avx2 is among the recorded flags.
            Assert.Contains("avx2", m.CpuFlags);
            Assert.Matches("^x86-64-v[34]", m.InstructionSet);
        }
        if (System.Runtime.Intrinsics.X86.Avx512F.IsSupported)
        {
            Assert.Contains("avx512f", m.CpuFlags);
        }
    }
}
