using System.Globalization;
using G2rl.Runtime;

namespace G2rl.Bench;

/// <summary>Options of the <c>trainstep</c> benchmark: one training step (forward, chunked LM-head log-probs, backward, AdamW) on batch × tokens.</summary>
internal sealed record TrainStepSettings
{
    public required string Device { get; init; }
    public required string DType { get; init; }
    public required string Model { get; init; }
    public required int Batch { get; init; }
    public required int Tokens { get; init; }
    public required int Chunk { get; init; }
    public required int Reps { get; init; }
    public required long Seed { get; init; }
    public required int Threads { get; init; }
    public required string Out { get; init; }
    public required string Docs { get; init; }

    public static TrainStepSettings From(BenchArguments a)
    {
        var cuda = ComputeDevice.IsCuda(a.String("device", "cpu"));
        var s = new TrainStepSettings
        {
            Device = a.String("device", "cpu"),
            DType = a.String("dtype", cuda ? "bfloat16" : "float32"),
            Model = a.String("model", cuda ? "qwen3-1.7b" : "medium"),
            Batch = a.Int("batch", cuda ? 16 : 2),
            Tokens = a.Int("tokens", cuda ? 512 : 128),
            Chunk = a.Int("chunk", 1024),
            Reps = a.Int("reps", 3),
            Seed = a.Int("seed", 1234),
            Threads = a.Int("threads", cuda ? 0 : 1),
            Out = a.String("out", RepoPaths.DefaultResults()),
            Docs = a.String("docs", "none"),
        };
        if (s.Batch <= 0 || s.Tokens < 2 || s.Chunk <= 0 || s.Reps <= 0)
        {
            throw new G2rlException("--batch, --chunk and --reps must be positive and --tokens ≥ 2");
        }
        return s;
    }

    /// <summary>Name of the results file: trainstep-DEVICE-DTYPE.</summary>
    public string Key => $"trainstep-{(ComputeDevice.IsCuda(Device) ? "cuda" : "cpu")}-{DType}";

    public IReadOnlyDictionary<string, string> ToDictionary() => new Dictionary<string, string>
    {
        ["device"] = Device,
        ["dtype"] = DType,
        ["model"] = Model,
        ["batch"] = Batch.ToString(CultureInfo.InvariantCulture),
        ["tokens"] = Tokens.ToString(CultureInfo.InvariantCulture),
        ["chunk"] = Chunk.ToString(CultureInfo.InvariantCulture),
        ["reps"] = Reps.ToString(CultureInfo.InvariantCulture),
        ["seed"] = Seed.ToString(CultureInfo.InvariantCulture),
        ["threads"] = Threads == 0 ? "torch default" : Threads.ToString(CultureInfo.InvariantCulture),
    };
}
