using System.Diagnostics;
using G2rl.Model;
using G2rl.Sampling;
using TorchSharp;
using static TorchSharp.torch;

namespace G2rl.Bench;

/// <summary>
/// Prompt-processing throughput: batch × tokens through the model, three ways: the full forward with logits at every
/// position (scoring, the RL loss), the hidden states with logits at the last position only (what prefill needs), and
/// the sampler's own prefill (KV-cache writes, then one argmax token: <c>max_new_tokens</c> = 1). No autograd.
/// </summary>
internal sealed class PrefillBenchmark(PrefillSettings s, Device device, ScalarType dtype, IMemoryProbe memory)
{
    public BenchReport Run()
    {
        var started = DateTime.UtcNow;
        var wall = Stopwatch.StartNew();
        var rows = new List<ResultRow>();
        var models = new List<ModelInfo>();
        foreach (var name in s.Models)
        {
            var shape = ModelCatalog.Get(name);
            var (bm, buildSeconds) = DeviceClock.Time(device, () => ModelFactory.Create(shape, device, dtype, s.Seed));
            using (bm)
            {
                models.Add(ModelInfo.Of(bm, buildSeconds));
                Progress.Log($"{name}: {Format.Count(bm.Parameters)} parameters, {bm.Model.Config}");
                rows.AddRange(Measure(bm));
            }
        }
        return new BenchReport(
            "prefill",
            started.ToString("o", System.Globalization.CultureInfo.InvariantCulture),
            wall.Elapsed.TotalSeconds,
            MachineInfo.Collect(device, dtype),
            s.ToDictionary(),
            models,
            "prompt tokens",
            "tokens/s ÷ tokens/s of the full forward (logits at every position) for the same model",
            memory.What,
            rows,
            []);
    }

    private List<ResultRow> Measure(BenchModel bm)
    {
        var model = bm.Model;
        var prompts = PromptFactory.Random(s.Batch, s.Tokens, model.Config.VocabSize, s.Seed);
        var (idsCpu, maskCpu) = PromptFactory.ToTensors(prompts);
        using var ids = idsCpu.to(device);
        using var mask = maskCpu.to(device);
        idsCpu.Dispose();
        maskCpu.Dispose();
        var sampler = new BatchedSampler(model);
        var oneToken = new SamplingOptions { Temperature = 0, MaxNewTokens = 1 };
        var methods = new (string Name, Action Run)[]
        {
            ("full forward (logits at all positions)", () => Full(model, ids, mask)),
            ("forward, logits at last position only", () => LastOnly(model, ids, mask)),
            ("sampler prefill (KV cache + 1 token)", () => sampler.Sample(prompts, 1, oneToken, s.Seed)),
        };
        var rows = new List<ResultRow>();
        foreach (var (name, run) in methods)
        {
            Progress.Log($"{bm.Shape.Name}: {name}: warm-up");
            run();
            var seconds = new List<double>();
            var cpu = new List<double>();
            memory.ResetPeak();
            using var self = Process.GetCurrentProcess();
            for (var i = 0; i < s.Reps; i++)
            {
                self.Refresh();
                var cpu0 = self.TotalProcessorTime;
                var (_, sec) = DeviceClock.Time(device, () => { run(); return 0; });
                self.Refresh();
                cpu.Add((self.TotalProcessorTime - cpu0).TotalSeconds);
                seconds.Add(sec);
                Progress.Log($"{bm.Shape.Name}: {name}: rep {i + 1}/{s.Reps} {Format.Seconds(sec)} s");
            }
            rows.Add(new ResultRow(bm.Shape.Name, bm.Parameters, s.Batch, name, s.Tokens, seconds, null, memory.PeakBytes(), null) { CpuSeconds = cpu });
        }
        var baseline = rows[0].TokensPerSecond;
        return [.. rows.Select(r => r with { Speedup = r.TokensPerSecond / baseline })];
    }

    private static void Full(Qwen3ForCausalLM model, Tensor ids, Tensor mask)
    {
        using var noGrad = torch.no_grad();
        var (logits, _) = model.Forward(ids, mask);
        logits.Dispose();
    }

    private static void LastOnly(Qwen3ForCausalLM model, Tensor ids, Tensor mask)
    {
        using var noGrad = torch.no_grad();
        using var scope = NewDisposeScope();
        var hidden = model.Hidden(ids, AttentionMasks.PositionIds(mask), AttentionMasks.Causal(mask, 0, ids.shape[1], model.DType));
        model.Logits(hidden.select(1, -1)).to(ScalarType.Float32);
    }
}
