using G2rl.Model;
using G2rl.Runtime;
using G2rl.Sampling;
using G2rl.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace G2rl.GpuCheck;

/// <summary>
/// The CUDA checks of bench/gpu/check.sh (b): parity of CUDA with the CPU and with the transformers fixtures, decoding, one
/// optimizer step and the memory query. Each skips when no GPU is usable (see <see cref="Gpu"/>), so CI stays CPU-only.
/// </summary>
[Trait("Category", "Cuda")]
public sealed class CudaChecks
{
    private const double Tolerance = 1e-4;

    private static void RequireGpu() => Assert.SkipUnless(Gpu.Available, Gpu.Reason);

    [Fact]
    public void CudaMemGetInfoReportsTheDevice()
    {
        RequireGpu();
        var info = CudaMemory.Query(0);
        Assert.InRange(info.FreeBytes, 1, info.TotalBytes);
        Assert.NotNull(CudaMemory.LibraryPath);
    }

    [Fact]
    public void Float32LogitsOnCudaEqualCpuAndTransformers()
    {
        RequireGpu();
        using var scope = NewDisposeScope();
        using var cpu = Fixture.Load("tiny-qwen3-tied", CPU, ScalarType.Float32);
        using var gpu = Fixture.Load("tiny-qwen3-tied", Gpu.Cuda, ScalarType.Float32);
        var ids = Fixture.Expected("input_ids", ScalarType.Int64);
        var mask = Fixture.Expected("attention_mask", ScalarType.Int64);
        using var noGrad = torch.no_grad();
        var onCpu = cpu.Forward(ids, mask).Logits;
        var onGpu = gpu.Forward(ids.to(Gpu.Cuda), mask.to(Gpu.Cuda)).Logits;
        Assert.True(Fixture.MaxAbsDiff(onGpu, onCpu, mask) <= Tolerance, $"CUDA vs CPU logits differ by {Fixture.MaxAbsDiff(onGpu, onCpu, mask)}");
        var reference = Fixture.Expected("logits", ScalarType.Float32);
        Assert.True(Fixture.MaxAbsDiff(onGpu, reference, mask) <= Tolerance, $"CUDA vs transformers logits differ by {Fixture.MaxAbsDiff(onGpu, reference, mask)}");
    }

    [Fact]
    public void Bf16CheckpointOnCudaMatchesTransformersBf16Logits()
    {
        RequireGpu();
        using var scope = NewDisposeScope();
        using var gpu = Fixture.Load("tiny-qwen3-tied-bf16", Gpu.Cuda, ScalarType.Float32);
        var ids = Fixture.Expected("input_ids", ScalarType.Int64);
        var mask = Fixture.Expected("attention_mask", ScalarType.Int64);
        using var noGrad = torch.no_grad();
        var logits = gpu.Forward(ids.to(Gpu.Cuda), mask.to(Gpu.Cuda)).Logits;
        var diff = Fixture.MaxAbsDiff(logits, Fixture.Expected("logits_from_bf16_weights", ScalarType.Float32), mask);
        Assert.True(diff <= Tolerance, $"bf16-checkpoint logits differ by {diff}");
    }

    [Fact]
    public void GreedyDecodingOnCudaEqualsTransformersGenerate()
    {
        RequireGpu();
        using var gpu = Fixture.Load("tiny-qwen3-tied", Gpu.Cuda, ScalarType.Float32);
        var result = new BatchedSampler(gpu).Sample(Fixture.Prompts(), 1, new SamplingOptions { Temperature = 0, MaxNewTokens = 16 }, seed: 1);
        var expected = Fixture.Expected("greedy_16", ScalarType.Int64).data<long>().ToArray();
        for (var b = 0; b < 2; b++)
        {
            Assert.Equal(expected.Skip(b * 16).Take(16).Select(x => (int)x), result[b].ResponseIds);
        }
    }

    [Fact]
    public void SeededSamplingOnCudaGivesTheCpuTokens()
    {
        RequireGpu();
        using var cpu = Fixture.Load("tiny-qwen3-tied", CPU, ScalarType.Float32);
        using var gpu = Fixture.Load("tiny-qwen3-tied", Gpu.Cuda, ScalarType.Float32);
        var options = new SamplingOptions { Temperature = 1, MaxNewTokens = 12 };
        var onCpu = new BatchedSampler(cpu).Sample(Fixture.Prompts(), 4, options, seed: 7);
        var onGpu = new BatchedSampler(gpu).Sample(Fixture.Prompts(), 4, options, seed: 7);
        Assert.Equal(onCpu.Count, onGpu.Count);
        var same = onCpu.Zip(onGpu).Count(p => p.First.ResponseIds.SequenceEqual(p.Second.ResponseIds));
        Assert.True(same == onCpu.Count, $"{onCpu.Count - same} of {onCpu.Count} sampled rows differ between CPU and CUDA for the same seed");
    }

    [Fact]
    public void OneAdamWStepOnCudaEqualsCpu()
    {
        RequireGpu();
        using var cpu = Fixture.Load("tiny-qwen3-tied", CPU, ScalarType.Float32);
        using var gpu = Fixture.Load("tiny-qwen3-tied", Gpu.Cuda, ScalarType.Float32);
        var ids = Fixture.Expected("input_ids", ScalarType.Int64);
        var mask = Fixture.Expected("attention_mask", ScalarType.Int64);
        foreach (var (model, device) in new[] { (cpu, CPU), (gpu, Gpu.Cuda) })
        {
            using var scope = NewDisposeScope();
            using var optimizer = new AdamW(model.named_parameters().Select(p => (p.name, p.parameter)));
            var logits = model.Forward(ids.to(device), mask.to(device)).Logits;
            var loss = logits.pow(2).mean();
            loss.backward();
            optimizer.Step(1e-3);
        }
        var gpuParams = gpu.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        foreach (var (name, p) in cpu.named_parameters())
        {
            using var scope = NewDisposeScope();
            var diff = (p - gpuParams[name].cpu()).abs().max().item<float>();
            Assert.True(diff <= 1e-5, $"{name}: CUDA and CPU weights differ by {diff} after one step");
        }
    }
}
