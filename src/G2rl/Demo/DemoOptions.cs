namespace G2rl.Demo;

/// <summary>
/// Settings of <c>g2rl demo</c>. Every method gets the same budget, base policy, seeds and evaluation; method hyper-parameters
/// are the documented defaults (c_H = 0.001, λ = 0.5 printed, EVOL as in g2rl-method.md §7), fixed before any held-out result.
/// </summary>
public sealed record DemoOptions
{
    /// <summary>The quick profile (CI smoke test, ~3 min on 2 cores).</summary>
    public bool Quick { get; init; }

    public IReadOnlyList<string> Methods { get; init; } = ["grpo", "entropy", "evol", "g2rl"];

    /// <summary>
    /// The ablation preset (<c>g2rl demo --ablation</c>): GRPO and G2RL with eq. 12 as printed and as in the prose, each with
    /// λ ∈ {0.25, 0.5, 1}; λ is chosen per variant on a validation split and reported on the held-out split. Ignores Methods.
    /// </summary>
    public bool Ablation { get; init; }

    /// <summary>Validation problems of the ablation (disjoint from training and held-out).</summary>
    public int ValidationProblems { get; init; } = 100;

    public int Seeds { get; init; } = 3;

    /// <summary>RL steps per run.</summary>
    public int Steps { get; init; } = 100;

    public string OutputDirectory { get; init; } = "demo-report";

    public string Device { get; init; } = "cpu";

    /// <summary>
    /// The synthetic task. Default arithmetic: the only base-policy candidate whose gradient geometry met the criterion fixed in
    /// docs/demo.md before measuring (Φ mean pairwise cosine ≥ 0.10, negative pairs ≤ 25%); countdown stays available.
    /// </summary>
    public string Task { get; init; } = "arithmetic";

    public int Difficulty { get; init; } = 1;

    public int TrainProblems { get; init; } = 1000;

    public int HeldOutProblems { get; init; } = 200;

    /// <summary>Supervised warm-start steps of the base policy (batch 64).</summary>
    public int SftSteps { get; init; } = 1000;

    public int PromptsPerStep { get; init; } = 8;

    public int GroupSize { get; init; } = 8;

    /// <summary>RL learning rate (the same for every method).</summary>
    public double Lr { get; init; } = 2e-4;

    /// <summary>Response length limit; 0 = the longest generated solution of the first 200 training problems + 3.</summary>
    public int MaxNewTokens { get; init; }

    /// <summary>Samples per held-out problem (pass@k for k up to this).</summary>
    public int EvalSamples { get; init; } = 8;

    public double EvalTemperature { get; init; } = 0.8;

    /// <summary>Problems × samples of the §3.5 geometry analysis.</summary>
    public int GeometryProblems { get; init; } = 30;

    public int GeometrySamples { get; init; } = 8;

    /// <summary>Seed of the task split, the base policy and the first RL seed.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>CPU threads (0 = libtorch default).</summary>
    public int Threads { get; init; }

    /// <summary>The quick profile: 1 seed, fewer steps, problems and SFT steps.</summary>
    public static DemoOptions QuickProfile { get; } = new()
    {
        Quick = true, Seeds = 1, Steps = 12, TrainProblems = 400, HeldOutProblems = 60, SftSteps = 300,
        GeometryProblems = 12, GeometrySamples = 6,
    };

    public DemoOptions Validate()
    {
        var known = new[] { "grpo", "entropy", "evol", "g2rl" };
        var unknown = Methods.FirstOrDefault(m => !known.Contains(m));
        if (Methods.Count == 0 || unknown is not null)
        {
            throw new G2rlException($"--methods: unknown method '{unknown}'; choose from {string.Join(", ", known)}");
        }
        if (Seeds < 1 || Steps < 1 || TrainProblems < PromptsPerStep || HeldOutProblems < 1 || SftSteps < 1 || EvalSamples < 1)
        {
            throw new G2rlException("--seeds, --steps and the problem counts must be positive");
        }
        if (Ablation && ValidationProblems < 1)
        {
            throw new G2rlException("--ablation needs at least one validation problem");
        }
        return this;
    }
}
