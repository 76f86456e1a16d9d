using System.Globalization;
using G2rl.Runtime;

namespace G2rl.Bench;

/// <summary>Options of the <c>prefill</c> benchmark: batch × prompt tokens through the model forward (default medium, 8 × 512, float32).</summary>
internal sealed record PrefillSettings
{
    public required string Device { get; init; }
    public required string DType { get; init; }
    public required IReadOnlyList<string> Models { get; init; }
    public required int Batch { get; init; }
    public required int Tokens { get; init; }
    public required int Reps { get; init; }
    public required long Seed { get; init; }
    public required int Threads { get; init; }
    public required string Out { get; init; }
    public required string Docs { get; init; }

    public static PrefillSettings From(BenchArguments a)
    {
        var s = new PrefillSettings
        {
            Device = a.String("device", "cpu"),
            DType = a.String("dtype", "float32"),
            Models = a.Strings("models", ["medium"]),
            Batch = a.Int("batch", 8),
            Tokens = a.Int("tokens", 512),
            Reps = a.Int("reps", 3),
            Seed = a.Int("seed", 1234),
            Threads = a.Int("threads", ComputeDevice.IsCuda(a.String("device", "cpu")) ? 0 : 1),
            Out = a.String("out", RepoPaths.DefaultResults()),
            Docs = a.String("docs", RepoPaths.DefaultDocs()),
        };
        if (s.Batch <= 0 || s.Tokens <= 0 || s.Reps <= 0)
        {
            throw new G2rlException("--batch, --tokens and --reps must be positive");
        }
        return s;
    }

    /// <summary>Name of the results file and the docs section: prefill-DEVICE-DTYPE.</summary>
    public string Key => $"prefill-{(ComputeDevice.IsCuda(Device) ? "cuda" : "cpu")}-{DType}";

    public IReadOnlyDictionary<string, string> ToDictionary() => new Dictionary<string, string>
    {
        ["device"] = Device,
        ["dtype"] = DType,
        ["models"] = string.Join(",", Models),
        ["batch"] = Batch.ToString(CultureInfo.InvariantCulture),
        ["tokens"] = Tokens.ToString(CultureInfo.InvariantCulture),
        ["reps"] = Reps.ToString(CultureInfo.InvariantCulture),
        ["seed"] = Seed.ToString(CultureInfo.InvariantCulture),
        ["threads"] = Threads == 0 ? "torch default" : Threads.ToString(CultureInfo.InvariantCulture),
    };
}
