using System.Diagnostics;
using System.Globalization;
using G2rl.Model;
using G2rl.Rl;
using G2rl.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace G2rl.Bench;

/// <summary>
/// One training step of the policy on random ids, batch × tokens, all rows full length: forward, the chunked LM-head
/// log-probs of every next token (<see cref="TokenLogProbs.Compute"/>, what the RL loss uses), loss = −mean log p, backward,
/// the project's <see cref="AdamW"/> step, gradients cleared. bench/gpu/torch_train_step.py does the same with PyTorch
/// eager and torch.optim.AdamW. One warm-up step, then <c>--reps</c> timed steps; the median is reported.
/// </summary>
internal sealed class TrainStepBenchmark(TrainStepSettings s, Device device, ScalarType dtype, IMemoryProbe memory)
{
    public BenchReport Run()
    {
        var started = DateTime.UtcNow;
        var wall = Stopwatch.StartNew();
        var shape = ModelCatalog.Get(s.Model);
        var (bm, buildSeconds) = DeviceClock.Time(device, () => ModelFactory.Create(shape, device, dtype, s.Seed));
        using (bm)
        {
            Progress.Log($"{s.Model}: {Format.Count(bm.Parameters)} parameters, {bm.Model.Config}; {s.Batch} × {s.Tokens} tokens");
            var row = Measure(bm);
            return new BenchReport(
                "trainstep",
                started.ToString("o", CultureInfo.InvariantCulture),
                wall.Elapsed.TotalSeconds,
                MachineInfo.Collect(device, dtype),
                s.ToDictionary(),
                [ModelInfo.Of(bm, buildSeconds)],
                "tokens per row",
                "none",
                memory.What,
                [row],
                ["one step = causal forward (no mask) + chunked LM-head log-probs + backward + AdamW (float32 moments; float32 master weights and gradient buffers for bf16/fp16) + zero_grad, random ids, no padding"]);
        }
    }

    private ResultRow Measure(BenchModel bm)
    {
        var model = bm.Model;
        model.train();
        using var optimizer = new AdamW(model.named_parameters().Select(p => (p.name, p.parameter)));
        var prompts = PromptFactory.Random(s.Batch, s.Tokens, model.Config.VocabSize, s.Seed);
        var (idsCpu, maskCpu) = PromptFactory.ToTensors(prompts);
        using var ids = idsCpu.to(device);
        using var targets = torch.ones([s.Batch, s.Tokens - 1], ScalarType.Bool, device);
        idsCpu.Dispose();
        maskCpu.Dispose();
        void Step()
        {
            using var scope = NewDisposeScope();
            var hidden = model.HiddenCausal(ids); // the training pass: rows from column 0, SDPA is_causal, no mask
            var (logp, _) = TokenLogProbs.Compute(hidden, model.LmHeadWeight, ids, targets, 1.0, s.Chunk);
            var loss = -logp.mean();
            loss.backward();
            optimizer.AccumulateGradients(); // float32 gradient buffers of a bf16/fp16 model (no-op in float32)
            optimizer.Step(1e-6);
            optimizer.ZeroGrad();
        }
        Progress.Log("train step: warm-up");
        memory.ResetPeak();
        DeviceClock.Time(device, () => { Step(); return 0; });
        var seconds = new List<double>();
        for (var i = 0; i < s.Reps; i++)
        {
            var (_, sec) = DeviceClock.Time(device, () => { Step(); return 0; });
            seconds.Add(sec);
            Progress.Log($"train step: rep {i + 1}/{s.Reps} {Format.Seconds(sec)} s");
        }
        return new ResultRow(s.Model, bm.Parameters, s.Batch, "train step (G2rl, AdamW)", s.Tokens, seconds, null, memory.PeakBytes(), null);
    }
}
