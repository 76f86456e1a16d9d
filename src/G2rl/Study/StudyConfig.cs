using G2rl.Training.Config;

namespace G2rl.Study;

/// <summary>
/// <c>g2rl study --config study.yaml</c>: one base checkpoint (train.model.path), a list of methods, N RL seeds per method,
/// the training set (train.data.train) and held-out set, evaluation settings. Every run is train with its method's
/// exploration section and run.seed + 1000·(k + 1) for seed k; see docs/demo.md and examples/paper-study.yaml.
/// </summary>
public sealed record StudyConfig
{
    /// <summary>The RL config shared by every run (model, data.train, rollout, optim, batch, loss, run.steps, run.seed …); its exploration section is replaced per method.</summary>
    public TrainConfig Train { get; init; } = new();

    /// <summary>Held-out problem sets (benchmark names or .jsonl paths), evaluated after training.</summary>
    public IReadOnlyList<string> HeldOut { get; init; } = ["math500"];

    public IReadOnlyList<StudyMethod> Methods { get; init; } = [];

    /// <summary>RL seeds per method (the experimental unit of the verdict).</summary>
    public int Seeds { get; init; } = 3;

    /// <summary>The arm every other is compared with.</summary>
    public string Control { get; init; } = "grpo";

    /// <summary>The arm the verdict is about.</summary>
    public string Treatment { get; init; } = "g2rl";

    public StudyEval Eval { get; init; } = new();

    /// <summary>Report folder; runs go to &lt;output&gt;/runs/&lt;method&gt;-seed&lt;k&gt;.</summary>
    public string Output { get; init; } = "study-report";
}
