using System.Runtime.CompilerServices;
using G2rl.Runtime;

namespace G2rl.Tests.Support;

/// <summary>Loads the CPU libtorch once, before any test touches TorchSharp.</summary>
internal static class TestSetup
{
#pragma warning disable CA2255 // test assembly: initialise the native runtime before any test
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Init() => TorchRuntime.Initialize(DeviceKind.Cpu);
}
