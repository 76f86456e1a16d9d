using System.Runtime.CompilerServices;
using G2rl.Runtime;

namespace G2rl.Bench;

/// <summary>
/// Entry point: <c>G2rl.Bench &lt;benchmark&gt; [--option value ...]</c>. libtorch is loaded first, from this method,
/// which touches no TorchSharp static (TorchSharp's own loader fails on this image, and CUDA must be chosen before any
/// tensor exists); everything else runs in <see cref="BenchDispatcher"/>.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        try
        {
            var parsed = BenchArguments.Parse(args);
            if (parsed.Benchmark == "help")
            {
                Console.WriteLine(Usage.Text);
                return 0;
            }
            var device = parsed.String("device", "cpu");
            TorchRuntime.Initialize(ComputeDevice.IsCuda(device) ? DeviceKind.Cuda : DeviceKind.Cpu);
            return Dispatch(parsed);
        }
        catch (G2rlException ex)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return 1;
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Dispatch(BenchArguments parsed) => BenchDispatcher.Run(parsed);
}
