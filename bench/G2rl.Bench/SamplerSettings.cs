using System.Globalization;
using G2rl.Runtime;

namespace G2rl.Bench;

/// <summary>
/// Options of the <c>sampler</c> benchmark. Two profiles set the defaults: <c>cpu</c> (tiny + medium, batch 1/8/32,
/// prompt 32, 128 new tokens, float32, naive vs cached greedy vs cached sampling) and <c>gpu</c> (Qwen3-1.7B shape,
/// batch 64, prompt 128, 256 new tokens, bfloat16, cached sampling at temperature 1). The profile defaults to
/// <c>gpu</c> when <c>--device</c> is CUDA; every option can still be given explicitly. The cpu profile uses one torch
/// thread: on a shared 2-core machine libtorch's two OpenMP threads stall in barriers whenever the other core is busy,
/// which made runs 10–100× slower at random (<c>--threads 0</c> restores torch's default). <c>--max-num-seqs 0,N</c> measures the
/// cached methods once per slot count (0 = all rows at once; rows ≫ slots: e.g. <c>--batches 256 --new-tokens 1024 --max-num-seqs 64</c>
/// on a GPU). Runs with slot counts other than 0 get their own docs section (key suffix <c>-continuous</c>).
/// </summary>
internal sealed record SamplerSettings
{
    public required string Profile { get; init; }
    public required string Device { get; init; }
    public required string DType { get; init; }
    public required IReadOnlyList<string> Models { get; init; }
    public required IReadOnlyList<int> Batches { get; init; }
    public required int PromptLength { get; init; }
    public required int NewTokens { get; init; }
    public required int Reps { get; init; }
    public required IReadOnlyList<string> Methods { get; init; }
    public required double Temperature { get; init; }
    public required double TopP { get; init; }
    public required double NaiveBudgetSeconds { get; init; }
    public required long Seed { get; init; }
    public required int Threads { get; init; }

    /// <summary>Slots of the continuous-batching sampler for the cached methods; 0 = all rows of the batch at once.</summary>
    public required IReadOnlyList<int> MaxNumSeqs { get; init; }
    public required string Out { get; init; }
    public required string Docs { get; init; }

    /// <summary>The methods the benchmark knows.</summary>
    public static readonly IReadOnlyList<string> KnownMethods = ["naive", "greedy", "sample"];

    /// <summary>Reads the options (the device option was already used to load libtorch).</summary>
    public static SamplerSettings From(BenchArguments a)
    {
        var device = a.String("device", "cpu");
        var profile = a.String("profile", ComputeDevice.IsCuda(device) ? "gpu" : "cpu");
        var gpu = profile switch
        {
            "gpu" => true,
            "cpu" => false,
            _ => throw new G2rlException($"--profile: '{profile}' is not cpu or gpu"),
        };
        var s = new SamplerSettings
        {
            Profile = profile,
            Device = device,
            DType = a.String("dtype", gpu ? "bfloat16" : "float32"),
            Models = a.Strings("models", gpu ? ["qwen3-1.7b"] : ["tiny", "medium"]),
            Batches = a.Ints("batches", gpu ? [64] : [1, 8, 32]),
            PromptLength = a.Int("prompt", gpu ? 128 : 32),
            NewTokens = a.Int("new-tokens", gpu ? 256 : 128),
            Reps = a.Int("reps", 3),
            Methods = a.Strings("methods", gpu ? ["sample"] : ["naive", "greedy", "sample"]),
            Temperature = a.Double("temperature", 1.0),
            TopP = a.Double("top-p", 1.0),
            NaiveBudgetSeconds = a.Double("naive-budget-s", 180),
            Seed = a.Int("seed", 1234),
            Threads = a.Int("threads", gpu ? 0 : 1),
            MaxNumSeqs = a.Ints("max-num-seqs", [0]),
            Out = a.String("out", RepoPaths.DefaultResults()),
            Docs = a.String("docs", RepoPaths.DefaultDocs()),
        };
        s.Validate();
        return s;
    }

    /// <summary>Name of the results file and the docs section: sampler-DEVICE-DTYPE.</summary>
    public string Key => $"sampler-{(ComputeDevice.IsCuda(Device) ? "cuda" : "cpu")}-{DType}{(MaxNumSeqs.Any(m => m > 0) ? "-continuous" : "")}";

    /// <summary>The settings as strings, for the report.</summary>
    public IReadOnlyDictionary<string, string> ToDictionary() => new Dictionary<string, string>
    {
        ["profile"] = Profile,
        ["device"] = Device,
        ["dtype"] = DType,
        ["models"] = string.Join(",", Models),
        ["batches"] = string.Join(",", Batches),
        ["prompt"] = Invariant(PromptLength),
        ["new_tokens"] = Invariant(NewTokens),
        ["reps"] = Invariant(Reps),
        ["methods"] = string.Join(",", Methods),
        ["temperature"] = Invariant(Temperature),
        ["top_p"] = Invariant(TopP),
        ["naive_budget_s"] = Invariant(NaiveBudgetSeconds),
        ["seed"] = Invariant(Seed),
        ["threads"] = Threads == 0 ? "torch default" : Invariant(Threads),
        ["max_num_seqs"] = string.Join(",", MaxNumSeqs.Select(m => m == 0 ? "all" : Invariant(m))),
        ["eos"] = "disabled (every row runs the full new-token count)",
    };

    private void Validate()
    {
        if (Batches.Count == 0 || Batches.Any(b => b <= 0) || PromptLength <= 0 || NewTokens <= 0 || Reps <= 0)
        {
            throw new G2rlException("--batches, --prompt, --new-tokens and --reps must be positive");
        }
        if (MaxNumSeqs.Count == 0 || MaxNumSeqs.Any(m => m < 0))
        {
            throw new G2rlException("--max-num-seqs: a list of slot counts ≥ 0 (0 = all rows at once)");
        }
        if (Methods.FirstOrDefault(m => !KnownMethods.Contains(m)) is { } bad)
        {
            throw new G2rlException($"--methods: unknown method '{bad}': choose from {string.Join(", ", KnownMethods)}");
        }
        if (Temperature <= 0)
        {
            throw new G2rlException("--temperature must be positive for the 'sample' method (greedy is the 'greedy' method)");
        }
        if (NaiveBudgetSeconds <= 0)
        {
            throw new G2rlException("--naive-budget-s must be positive");
        }
    }

    private static string Invariant(IFormattable v) => v.ToString(null, CultureInfo.InvariantCulture);
}
