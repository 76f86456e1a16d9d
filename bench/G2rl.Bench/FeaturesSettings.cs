using System.Globalization;
using G2rl.Runtime;

namespace G2rl.Bench;

/// <summary>
/// Options of the <c>features</c> benchmark: the cost of G2RL's gradient features against the old-log-prob pass and a
/// whole GRPO step. Null overrides keep each model's own workload (demo: 8 × 8 rollouts, ≤ 20 tokens; the others:
/// 4 × 8 rollouts, 32-token prompts, 128 new tokens).
/// </summary>
internal sealed record FeaturesSettings
{
    public required string Device { get; init; }
    public required string DType { get; init; }
    public required IReadOnlyList<string> Models { get; init; }
    public required int Reps { get; init; }
    public required int PassReps { get; init; }

    /// <summary>Cheap measurements repeat beyond --reps / --pass-reps until their timed total reaches this many seconds (at most <see cref="MaxRounds"/> rounds).</summary>
    public required double MinSeconds { get; init; }
    public required int? Prompts { get; init; }
    public required int? Group { get; init; }
    public required int? PromptTokens { get; init; }
    public required int? NewTokens { get; init; }
    public required int MicroBatch { get; init; }
    public required int Chunk { get; init; }
    public required double KlCoef { get; init; }
    public required bool Steps { get; init; }
    public required long Seed { get; init; }
    public required int Threads { get; init; }
    public required string Out { get; init; }
    public required string Docs { get; init; }

    public static FeaturesSettings From(BenchArguments a)
    {
        var s = new FeaturesSettings
        {
            Device = a.String("device", "cpu"),
            DType = a.String("dtype", "float32"),
            Models = a.Strings("models", ["demo", "medium", "vocab-152k"]),
            Reps = a.Int("reps", 3),
            PassReps = a.Int("pass-reps", 5),
            MinSeconds = a.Double("min-seconds", 20),
            Prompts = Optional(a, "prompts"),
            Group = Optional(a, "group"),
            PromptTokens = Optional(a, "prompt"),
            NewTokens = Optional(a, "new-tokens"),
            MicroBatch = a.Int("micro-batch", 0),
            Chunk = a.Int("chunk", 1024),
            KlCoef = a.Double("kl-coef", 0.001),
            Steps = a.String("steps", "true") != "false",
            Seed = a.Int("seed", 1234),
            Threads = a.Int("threads", ComputeDevice.IsCuda(a.String("device", "cpu")) ? 0 : 1),
            Out = a.String("out", RepoPaths.DefaultResults()),
            Docs = a.String("docs", RepoPaths.DefaultDocs()),
        };
        if (s.Reps <= 0 || s.PassReps <= 0 || s.Chunk <= 0 || s.MicroBatch < 0 || s.KlCoef < 0 || s.MinSeconds < 0
            || s.Prompts <= 0 || s.Group <= 0 || s.PromptTokens <= 0 || s.NewTokens <= 0)
        {
            throw new G2rlException("--reps, --pass-reps, --chunk, --prompts, --group, --prompt and --new-tokens must be positive; --micro-batch, --kl-coef and --min-seconds ≥ 0");
        }
        foreach (var m in s.Models)
        {
            FeaturesCases.Check(m);
        }
        return s;
    }

    /// <summary>Most timed rounds of one measurement, whatever --min-seconds asks.</summary>
    public const int MaxRounds = 50;

    /// <summary>Whether another timed round is due after <paramref name="done"/> rounds totalling <paramref name="seconds"/>.</summary>
    public bool MoreRounds(int done, int reps, double seconds) => done < reps || (seconds < MinSeconds && done < MaxRounds);

    /// <summary>Name of the results file and the docs section: features-DEVICE-DTYPE.</summary>
    public string Key => $"features-{(ComputeDevice.IsCuda(Device) ? "cuda" : "cpu")}-{DType}";

    public IReadOnlyDictionary<string, string> ToDictionary() => new Dictionary<string, string>
    {
        ["device"] = Device,
        ["dtype"] = DType,
        ["models"] = string.Join(",", Models),
        ["reps"] = Int(Reps),
        ["pass_reps"] = Int(PassReps),
        ["min_seconds"] = MinSeconds.ToString(CultureInfo.InvariantCulture),
        ["prompts"] = Prompts is { } p ? Int(p) : "per model",
        ["group"] = Group is { } g ? Int(g) : "per model",
        ["prompt"] = PromptTokens is { } t ? Int(t) : "per model",
        ["new_tokens"] = NewTokens is { } n ? Int(n) : "per model",
        ["micro_batch"] = MicroBatch == 0 ? "all rows" : Int(MicroBatch),
        ["logprob_chunk"] = Int(Chunk),
        ["kl_coef"] = KlCoef.ToString(CultureInfo.InvariantCulture),
        ["steps"] = Steps ? "measured" : "skipped",
        ["seed"] = Seed.ToString(CultureInfo.InvariantCulture),
        ["threads"] = Threads == 0 ? "torch default" : Int(Threads),
    };

    private static int? Optional(BenchArguments a, string key) => a.String(key, string.Empty).Length == 0 ? null : a.Int(key, 0);

    private static string Int(int v) => v.ToString(CultureInfo.InvariantCulture);
}
