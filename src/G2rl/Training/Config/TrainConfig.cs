namespace G2rl.Training.Config;

/// <summary>
/// A training run. Defaults follow the paper's A.2 table (Liang et al. 2025): 16 prompts × 16 rollouts per step,
/// lr 5e-7, KL as a loss with β = 0.001 (k3), rollout temperature 1.0, evaluation temperature 0.8, ±1 rewards.
/// Written to &lt;output_dir&gt;/config.resolved.json at the start of every run.
/// </summary>
public sealed record TrainConfig
{
    public ModelSection Model { get; init; } = new();

    public DataSection Data { get; init; } = new();

    public RolloutSection Rollout { get; init; } = new();

    public OptimSection Optim { get; init; } = new();

    public BatchSection Batch { get; init; } = new();

    public LossSection Loss { get; init; } = new();

    public ExplorationSection Exploration { get; init; } = new();

    public EvalSection Eval { get; init; } = new();

    public CheckpointSection Checkpoint { get; init; } = new();

    public RunSection Run { get; init; } = new();

    /// <summary>Completions files and the console's group table.</summary>
    public LogSection Log { get; init; } = new();

    /// <summary>Reward terms beyond the weighted functions (DAPO's overlong buffer).</summary>
    public RewardSection Reward { get; init; } = new();

    /// <summary>The base reward as a weighted sum of registered reward functions (default: the verifier with weight 1).</summary>
    public IReadOnlyList<RewardWeight> Rewards { get; init; } = [new RewardWeight { Name = "verifier", Weight = 1.0 }];
}
