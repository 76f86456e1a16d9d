using System.Diagnostics;
using G2rl.Sampling;
using TorchSharp;
using static TorchSharp.torch;

namespace G2rl.Bench;

/// <summary>
/// Decode throughput of the KV-cache <see cref="BatchedSampler"/> against <see cref="NaiveGreedyDecoder"/> (full
/// recomputation every step), greedy so both do the same work and must produce the same tokens, plus the cached
/// sampler at the configured temperature. Each call is timed whole (prefill included); EOS is disabled so every row
/// decodes the full count. One warm-up per model and batch, then the repetitions, interleaved across methods; the
/// median is reported. The cached rows also report the tensors each decode step creates (forward, choice, the one copy to
/// the host), counted by TorchSharp's dispose-scope statistics: a measure of the host-side calls per step.
/// </summary>
internal sealed class SamplerBenchmark(SamplerSettings s, Device device, ScalarType dtype, IMemoryProbe memory)
{
    private const string NaiveMethod = "naive greedy (recompute, no cache)";
    private static string GreedyMethod(int slots) => "cached greedy (KV cache" + SlotsLabel(slots) + ")";

    private static string SlotsLabel(int slots) => slots == 0 ? string.Empty : $", max_num_seqs={slots}";
    private readonly List<ResultRow> rows = [];
    private readonly List<string> notes = [];
    private readonly List<ModelInfo> models = [];

    /// <summary>Runs every model × batch and returns the report.</summary>
    public BenchReport Run()
    {
        var started = DateTime.UtcNow;
        var wall = Stopwatch.StartNew();
        notes.Add($"Each timed call is a whole generation: prefill of the {s.PromptLength}-token prompts, then the decode steps; every batch row has its own random prompt (group size 1). Methods of one batch run interleaved, one repetition of each per round.");
        foreach (var name in s.Models)
        {
            var shape = ModelCatalog.Get(name);
            Progress.Log($"building {name} on {device} ({s.DType})");
            var (bm, buildSeconds) = DeviceClock.Time(device, () => ModelFactory.Create(shape, device, dtype, s.Seed));
            using (bm)
            {
                models.Add(ModelInfo.Of(bm, buildSeconds));
                Progress.Log($"{name}: {Format.Count(bm.Parameters)} parameters, {bm.Model.Config}, built in {Format.Seconds(buildSeconds)} s");
                foreach (var batch in s.Batches)
                {
                    RunBatch(bm, batch);
                }
            }
        }
        return new BenchReport(
            "sampler",
            started.ToString("o", System.Globalization.CultureInfo.InvariantCulture),
            wall.Elapsed.TotalSeconds,
            MachineInfo.Collect(device, dtype),
            s.ToDictionary(),
            models,
            "new tokens",
            "tokens/s ÷ tokens/s of naive greedy recomputation for the same model, batch and new tokens (— where naive was not measured at that length)",
            memory.What,
            rows,
            notes);
    }

    private void RunBatch(BenchModel bm, int batch)
    {
        var model = bm.Model;
        var n = s.NewTokens;
        var prompts = PromptFactory.Random(batch, s.PromptLength, model.Config.VocabSize, s.Seed + batch);
        var greedy = new SamplingOptions { Temperature = 0, MaxNewTokens = n };
        var sample = new SamplingOptions { Temperature = s.Temperature, TopP = s.TopP, MaxNewTokens = n };
        var label = $"{bm.Shape.Name} b={batch}";
        var (ids, mask) = PromptFactory.ToTensors(prompts);
        using (ids)
        using (mask)
        {
            Progress.Log($"{label}: warm-up");
            var warm = Math.Min(8, n);
            new BatchedSampler(model).Sample(prompts, 1, greedy with { MaxNewTokens = warm }, s.Seed);
            new BatchedSampler(model).Sample(prompts, 1, sample with { MaxNewTokens = warm }, s.Seed);
            var measurements = new List<Measurement>();
            NaivePlan? plan = null;
            if (Has("naive"))
            {
                plan = PlanNaive(bm, ids, mask, label);
                measurements.Add(new Measurement(NaiveMethod, plan.NewTokens, plan.Reps, () => NaiveTokens(bm, ids, mask, plan.NewTokens)));
            }
            foreach (var slots in s.MaxNumSeqs)
            {
                var sampler = new BatchedSampler(model) { MaxNumSeqs = slots == 0 ? null : slots };
                if (Has("greedy"))
                {
                    measurements.Add(new Measurement(GreedyMethod(slots), n, s.Reps, () => Sampled(sampler, prompts, greedy)));
                    if (plan is not null && plan.NewTokens < n)
                    {
                        var shorter = greedy with { MaxNewTokens = plan.NewTokens };
                        measurements.Add(new Measurement(GreedyMethod(slots), plan.NewTokens, s.Reps, () => Sampled(sampler, prompts, shorter)));
                    }
                }
                if (Has("sample"))
                {
                    measurements.Add(new Measurement($"cached sample (T={s.Temperature:0.##}, top-p={s.TopP:0.##}{SlotsLabel(slots)})", n, s.Reps, () => Sampled(sampler, prompts, sample)));
                }
            }
            RunRounds(measurements, label);
            AddRows(bm, batch, measurements, plan);
            if (device.type == DeviceType.CUDA)
            {
                var kv = string.Join(", ", s.MaxNumSeqs.Select(m => $"{Format.Bytes(KvCacheBytes(bm, m == 0 ? batch : Math.Min(batch, m)))} at max_num_seqs={(m == 0 ? "all" : m)}"));
                notes.Add($"{label}: memory floor {Format.Bytes(WeightBytes(bm))} of weights + KV cache {kv} (capacity {s.PromptLength + n} positions per slot); the rest of the nvidia-smi figure is the CUDA context, the allocator's reserve and per-step temporaries (logits [slots, V] in float32 and their softmax).");
            }
        }
    }

    /// <summary>One cached call: its sequences and the sampler's counters (tensors created per decode step).</summary>
    private SamplerCall Sampled(BatchedSampler sampler, IReadOnlyList<IReadOnlyList<int>> prompts, SamplingOptions options)
    {
        var result = sampler.Sample(prompts, 1, options, s.Seed);
        return new SamplerCall(result, sampler.LastRun!);
    }

    private NaivePlan PlanNaive(BenchModel bm, Tensor ids, Tensor mask, string label)
    {
        Progress.Log($"{label}: naive warm-up and pilot");
        var pilotTokens = Math.Min(8, s.NewTokens);
        NaiveGreedyDecoder.Generate(bm.Model, ids, mask, Math.Min(4, s.NewTokens)).Dispose();
        var (pilot, pilotSeconds) = DeviceClock.Time(device, () => NaiveGreedyDecoder.Generate(bm.Model, ids, mask, pilotTokens));
        pilot.Dispose();
        var plan = NaivePlan.Make(s.PromptLength, s.NewTokens, s.Reps, pilotTokens, pilotSeconds, s.NaiveBudgetSeconds);
        if (plan.Note is not null)
        {
            notes.Add($"{label}, naive: {plan.Note}.");
        }
        Progress.Log($"{label}: naive plan {plan.NewTokens} tokens × {plan.Reps} rep(s), ≈{Format.Seconds(plan.EstimatedSecondsPerRun)} s each");
        return plan;
    }

    private static long[] NaiveTokens(BenchModel bm, Tensor ids, Tensor mask, int newTokens)
    {
        using var t = NaiveGreedyDecoder.Generate(bm.Model, ids, mask, newTokens);
        return t.data<long>().ToArray();
    }

    private void RunRounds(List<Measurement> measurements, string label)
    {
        var rounds = measurements.Count == 0 ? 0 : measurements.Max(m => m.Reps);
        using var self = Process.GetCurrentProcess();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var m in measurements.Where(m => round < m.Reps))
            {
                memory.ResetPeak();
                self.Refresh();
                var cpu0 = self.TotalProcessorTime;
                var (result, seconds) = DeviceClock.Time(device, m.Run);
                self.Refresh();
                m.CpuSeconds.Add((self.TotalProcessorTime - cpu0).TotalSeconds);
                m.Seconds.Add(seconds);
                m.Last = result;
                var peak = memory.PeakBytes();
                m.PeakBytes = peak is null ? m.PeakBytes : Math.Max(peak.Value, m.PeakBytes ?? 0);
                Progress.Log($"{label}: {m.Method} {m.Tokens} tokens: rep {round + 1}/{m.Reps} {Format.Seconds(seconds)} s");
            }
        }
    }

    private void AddRows(BenchModel bm, int batch, List<Measurement> measurements, NaivePlan? plan)
    {
        var naive = measurements.FirstOrDefault(m => m.Method == NaiveMethod);
        if (naive is not null && plan is not null && Stats.Median(naive.Seconds) > s.NaiveBudgetSeconds)
        {
            notes.Add($"{bm.Shape.Name} b={batch}, naive: the run took {Format.Seconds(Stats.Median(naive.Seconds))} s against an estimate of {Format.Seconds(plan.EstimatedSecondsPerRun)} s (budget {s.NaiveBudgetSeconds} s): the pilot is a single short run, timed under whatever load the machine had then.");
        }
        var naiveRow = naive is null ? null : Row(bm, batch, naive, plan!.Note is null ? null : "reduced: see notes");
        var naiveTokens = naive?.Last as long[];
        foreach (var m in measurements)
        {
            if (m == naive)
            {
                rows.Add(naiveRow! with { Speedup = 1.0 });
                continue;
            }
            var call = (SamplerCall)m.Last!;
            var result = call.Sequences;
            var check = GreedyCheck.FullLength(result, m.Tokens);
            if (check is null && m.Method.StartsWith("cached greedy", StringComparison.Ordinal) && naiveRow is not null && naiveTokens is not null)
            {
                check = GreedyCheck.Compare(result, naiveTokens, batch, Math.Min(naiveRow.Tokens, m.Tokens));
            }
            check ??= $"all {batch} rows ran {m.Tokens} tokens";
            var row = Row(bm, batch, m, check) with { TensorsPerStep = call.Stats.TensorsPerStep };
            var speedup = naiveRow is not null && naiveRow.Tokens == row.Tokens ? row.TokensPerSecond / naiveRow.TokensPerSecond : (double?)null;
            rows.Add(row with { Speedup = speedup });
        }
    }

    private static ResultRow Row(BenchModel bm, int batch, Measurement m, string? check) =>
        new(bm.Shape.Name, bm.Parameters, batch, m.Method, m.Tokens, m.Seconds, null, m.PeakBytes, check) { CpuSeconds = m.CpuSeconds };

    private static long WeightBytes(BenchModel bm) =>
        bm.Parameters * bm.Model.LmHeadWeight.ElementSize;

    private long KvCacheBytes(BenchModel bm, int batch)
    {
        var c = bm.Model.Config;
        return 2L * c.NumHiddenLayers * batch * c.NumKeyValueHeads * (s.PromptLength + s.NewTokens) * c.HeadDim * bm.Model.LmHeadWeight.ElementSize;
    }

    private bool Has(string method) => s.Methods.Contains(method);
}
