using G2rl.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace G2rl.Bench;

/// <summary>Runs the benchmark named on the command line (libtorch is already loaded).</summary>
internal static class BenchDispatcher
{
    public static int Run(BenchArguments a)
    {
        switch (a.Benchmark)
        {
            case "sampler":
            {
                var s = SamplerSettings.From(a);
                a.RejectUnused();
                var (device, dtype) = Prepare(s.Device, s.DType, s.Threads);
                using var probe = Probe(device);
                var report = new SamplerBenchmark(s, device, dtype, probe).Run();
                ReportWriter.Publish(report, s.Out, s.Docs, s.Key);
                return 0;
            }
            case "prefill":
            {
                var s = PrefillSettings.From(a);
                a.RejectUnused();
                var (device, dtype) = Prepare(s.Device, s.DType, s.Threads);
                using var probe = Probe(device);
                var report = new PrefillBenchmark(s, device, dtype, probe).Run();
                ReportWriter.Publish(report, s.Out, s.Docs, s.Key);
                return 0;
            }
            case "features":
            {
                var s = FeaturesSettings.From(a);
                a.RejectUnused();
                var (device, dtype) = Prepare(s.Device, s.DType, s.Threads);
                var report = new FeaturesBenchmark(s, device, dtype).Run();
                FeaturesPublisher.Publish(report, s.Out, s.Docs, s.Key);
                return 0;
            }
            case "trainstep":
            {
                var s = TrainStepSettings.From(a);
                a.RejectUnused();
                var (device, dtype) = Prepare(s.Device, s.DType, s.Threads);
                using var probe = Probe(device);
                var report = new TrainStepBenchmark(s, device, dtype, probe).Run();
                ReportWriter.Publish(report, s.Out, s.Docs, s.Key);
                return 0;
            }
            default:
                throw new G2rlException($"unknown benchmark '{a.Benchmark}': choose sampler, prefill, features or trainstep (--help for options)");
        }
    }

    private static (Device Device, ScalarType DType) Prepare(string deviceSpec, string dtypeName, int threads)
    {
        var device = ComputeDevice.Resolve(deviceSpec);
        var dtype = DTypes.Parse(dtypeName);
        if (threads > 0)
        {
            torch.set_num_threads(threads);
        }
        return (device, dtype);
    }

    private static IMemoryProbe Probe(Device device)
    {
        if (device.type != DeviceType.CUDA)
        {
            return new NoMemoryProbe();
        }
        var index = device.index < 0 ? 0 : device.index;
        if (CudaMemoryProbe.TryCreate(index) is { } inProcess)
        {
            return inProcess;
        }
        var probe = new NvidiaSmiProbe(index);
        probe.WaitForFirstReading(TimeSpan.FromSeconds(5));
        return probe;
    }
}
