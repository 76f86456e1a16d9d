using System.Globalization;
using G2rl.Tasks;
using G2rl.Data;
using G2rl.Training;
using G2rl.Training.Config;
using G2rl.Study;

namespace G2rl.Demo;

/// <summary>
/// <c>g2rl demo</c> as a study preset: the demo's options become a <see cref="StudyPlan"/> whose runs are identical for every
/// method except exploration.* (GRPO = exploration none; EVOL-RL embeds whole responses).
/// </summary>
public static class DemoPreset
{
    /// <summary>The plan of the demo; <paramref name="options"/> must have MaxNewTokens resolved (&gt; 0).</summary>
    public static StudyPlan Plan(DemoOptions options, ISyntheticTask task, TaskSplit split, string baseDir)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(split);
        var inv = CultureInfo.InvariantCulture;
        return new StudyPlan
        {
            Title = "g2rl demo" + (options.Quick ? " --quick" : ""),
            Template = Template(options, baseDir),
            Methods = [.. options.Methods.Select(Method)],
            Seeds = options.Seeds,
            Eval = new StudyEval
            {
                Samples = options.EvalSamples, Temperature = options.EvalTemperature, MaxNewTokens = options.MaxNewTokens,
                GeometryProblems = options.GeometryProblems, GeometrySamples = options.GeometrySamples,
                Embedding = true, EmbeddingMaxTokens = 64, PromptsPerCall = 32,
            },
            OutputDirectory = options.OutputDirectory,
            Train = split.Train,
            HeldOut = split.HeldOut,
            HeldOutName = task.Name,
            Verifier = task.Verifier,
            Prompt = PromptTemplate.Custom("{question}"),
            SolutionKey = task.SolutionKey,
            EvalSeed = Seeds.Derive(options.Seed, "demo-eval", 0),
            StatisticsSeed = options.Seed,
            PresetOptions = options,
            SetupLines =
            [
                string.Create(inv, $"Task: {options.Task}, difficulty {options.Difficulty}; {options.TrainProblems} training and {options.HeldOutProblems} held-out problems (disjoint), split seed {options.Seed}."),
                string.Create(inv, $"Base policy: Qwen3 architecture, character tokenizer, trained from scratch by supervised learning on correct solutions ({options.SftSteps} steps × 64 examples); cached at `{baseDir}`."),
                string.Create(inv, $"RL per run: {options.Steps} steps × {options.PromptsPerStep} prompts × {options.GroupSize} rollouts at temperature 1.0, AdamW lr {options.Lr}, KL β 0.001 (k3), PPO clip 0.2, ±1 rewards, GRPO advantages."),
                "Method settings, fixed before any held-out result: entropy bonus c_H = 0.001; EVOL-RL novelty from all-MiniLM-L6-v2 (g2rl-method.md §7); G2RL λ = 0.5, eq. 12 as printed, clip 3, uniform token weights.",
            ],
        };
    }

    /// <summary>The λ values of the ablation.</summary>
    public static IReadOnlyList<double> AblationLambdas { get; } = [0.25, 0.5, 1.0];

    /// <summary>
    /// The ablation preset: the demo's plan with arms grpo and g2rl-&lt;mode&gt;-λ&lt;λ&gt; for mode ∈ {printed, prose} and
    /// <see cref="AblationLambdas"/>, grouped by mode so that λ is chosen on <paramref name="validation"/>.
    /// </summary>
    public static StudyPlan AblationPlan(DemoOptions options, ISyntheticTask task, TaskSplit split, IReadOnlyList<Problem> validation, string baseDir)
    {
        var plan = Plan(options, task, split, baseDir);
        var arms = new List<StudyMethod> { Method("grpo") };
        foreach (var mode in new[] { "printed", "prose" })
        {
            arms.AddRange(AblationLambdas.Select(l => new StudyMethod
            {
                Name = FormattableString.Invariant($"g2rl-{mode}-{l}"),
                Group = $"g2rl eq. 12 {mode}",
                Exploration = new ExplorationSection { Method = "g2rl", Mode = mode, Lambda = l },
            }));
        }
        return plan with
        {
            Title = "g2rl demo --ablation" + (options.Quick ? " --quick" : ""),
            Methods = arms,
            Validation = validation,
            Treatment = "g2rl-printed-0.5",
            SetupLines =
            [
                .. plan.SetupLines.Take(3),
                string.Create(CultureInfo.InvariantCulture, $"Ablation arms: GRPO; G2RL with eq. 12 as printed (f = 1 + λ·r·ν̄) and as in the prose (f = 1 + λ·(2ν̄ − 1)), λ ∈ {{0.25, 0.5, 1}}, clip 3, uniform token weights; λ chosen per variant on {validation.Count} validation problems."),
            ],
        };
    }

    /// <summary>The demo's method names as study arms: grpo = exploration none; evol embeds the whole response.</summary>
    public static StudyMethod Method(string name) => new()
    {
        Name = name,
        Exploration = name switch
        {
            "grpo" => new ExplorationSection { Method = "none" },
            "evol" => new ExplorationSection { Method = "evol", EvolTailChars = 0 },
            _ => new ExplorationSection { Method = name },
        },
    };

    /// <summary>The RL config shared by every run of the demo (run.seed = the demo seed; run k uses seed + 1000·(k + 1)).</summary>
    public static TrainConfig Template(DemoOptions options, string baseDir)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new TrainConfig
        {
            Model = new ModelSection { Path = baseDir, Device = options.Device },
            Data = new DataSection { Train = [options.Task], Eval = [], Template = "{question}" },
            Rollout = new RolloutSection { GroupSize = options.GroupSize, PromptsPerStep = options.PromptsPerStep, Temperature = 1.0, MaxNewTokens = options.MaxNewTokens },
            Optim = new OptimSection { Lr = options.Lr, WeightDecay = 0.0, GradClip = 1.0 },
            Batch = new BatchSection { MicroBatchSize = options.PromptsPerStep * options.GroupSize },
            Loss = new LossSection(),
            Exploration = new ExplorationSection(),
            Checkpoint = new CheckpointSection { Every = 0, KeepLast = 1 },
            Run = new RunSection { Steps = options.Steps, Seed = options.Seed },
        };
    }
}
