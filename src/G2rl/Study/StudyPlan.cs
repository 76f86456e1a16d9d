using G2rl.Data;
using G2rl.Training.Config;

namespace G2rl.Study;

/// <summary>
/// A study resolved for the runner: the shared config, methods and seeds of <see cref="StudyConfig"/> plus the loaded
/// problems, verifier and prompt template. Built by <see cref="StudyConfigLoader"/> (<c>g2rl study</c>) or by the demo preset.
/// </summary>
public sealed record StudyPlan
{
    /// <summary>How the study was started (the report's first line), e.g. "g2rl demo --quick".</summary>
    public required string Title { get; init; }

    /// <summary>The shared RL config (model.path = the base checkpoint); its exploration section is replaced per method.</summary>
    public required TrainConfig Template { get; init; }

    public required IReadOnlyList<StudyMethod> Methods { get; init; }

    public required int Seeds { get; init; }

    public string Control { get; init; } = "grpo";

    public string Treatment { get; init; } = "g2rl";

    public required StudyEval Eval { get; init; }

    public required string OutputDirectory { get; init; }

    public required IReadOnlyList<Problem> Train { get; init; }

    public required IReadOnlyList<Problem> HeldOut { get; init; }

    /// <summary>Problems each final policy is also evaluated on to choose among the arms of a <see cref="StudyMethod.Group"/> (empty: no selection).</summary>
    public IReadOnlyList<Problem> Validation { get; init; } = [];

    /// <summary>Name of the held-out set in per-problem results.</summary>
    public required string HeldOutName { get; init; }

    public required IProblemVerifier Verifier { get; init; }

    public required PromptTemplate Prompt { get; init; }

    /// <summary>Which solution a correct response is (null when incorrect); default: the trimmed response text.</summary>
    public Func<Problem, string, string?>? SolutionKey { get; init; }

    /// <summary>Seed of every held-out evaluation (the same for every method and seed).</summary>
    public required long EvalSeed { get; init; }

    /// <summary>Seed of the bootstrap resamples.</summary>
    public int StatisticsSeed { get; init; } = 1;

    /// <summary>The options of the preset that built this plan (e.g. the demo's), written into results.json; null for a study config.</summary>
    public object? PresetOptions { get; init; }

    /// <summary>Report lines describing the setup (task, base policy, budget, method settings).</summary>
    public IReadOnlyList<string> SetupLines { get; init; } = [];

    /// <summary>The RL seed of seed index k: run.seed + 1000·(k + 1).</summary>
    public long RunSeed(int seedIndex) => Template.Run.Seed + (1000L * (seedIndex + 1));

    /// <summary>Folder of one run.</summary>
    public string RunDirectory(string method, int seedIndex) => Path.Combine(OutputDirectory, "runs", $"{method}-seed{seedIndex}");

    /// <summary>The config of one run: the template with the method's exploration, the seed's run.seed and the run folder.</summary>
    public TrainConfig RunConfig(StudyMethod method, int seedIndex)
    {
        ArgumentNullException.ThrowIfNull(method);
        return Template with
        {
            Exploration = method.Exploration,
            Run = Template.Run with { Seed = RunSeed(seedIndex), OutputDir = RunDirectory(method.Name, seedIndex) },
        };
    }
}
