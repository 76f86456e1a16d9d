using System.Diagnostics;
using G2rl.Checkpoints;
using G2rl.Data;
using G2rl.Exploration;
using G2rl.Model;
using G2rl.Runtime;
using G2rl.Tasks;
using G2rl.Tokenization;
using G2rl.Training;
using G2rl.Training.Config;
using TorchSharp;
using static TorchSharp.torch;

namespace G2rl.Demo;

/// <summary>
/// The built-in demo: split a synthetic task, build (or reuse) the base policy, run every method × seed from it with the
/// same budget, evaluate each final policy on the held-out split, and return the results for the report.
/// </summary>
public sealed class DemoRunner(DemoOptions requested, IDemoObserver observer)
{
    private DemoOptions options = requested;

    public DemoResults Run(CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        if (options.Threads > 0)
        {
            torch.set_num_threads(options.Threads);
        }
        var device = ComputeDevice.Resolve(options.Device);
        var task = TaskRegistry.Get(options.Task);
        var split = TaskSplits.Create(task, options.Seed, options.TrainProblems, options.HeldOutProblems, options.Difficulty);
        if (options.MaxNewTokens <= 0)
        {
            var rng = new Random(options.Seed);
            options = options with { MaxNewTokens = split.Train.Take(200).Max(p => task.Solve(p, rng).Length) + 3 };
        }
        observer.OnMessage($"task {task.Name} (difficulty {options.Difficulty}): {split.Train.Count} training and {split.HeldOut.Count} held-out problems");
        var baseDir = BasePolicy.GetOrTrain(task, split.Train, options, device, observer.OnMessage);
        var baseSeconds = clock.Elapsed.TotalSeconds;
        var tokenizer = (CharTokenizer)TokenizerLoader.Load(baseDir);
        var needsEncoder = true;
        using var encoder = needsEncoder ? new MiniLmSentenceEncoder(new MiniLmOptions(MaxTokens: 64, Truncation: TokenTruncation.KeepEnd)) : null;
        DemoEvaluation baseEval;
        long parameters;
        using (var baseModel = HfCheckpoint.Load(baseDir, device, ScalarType.Float32))
        {
            parameters = baseModel.Config.ParameterCount();
            baseEval = DemoEvaluation.Run("base", baseModel, tokenizer, task, split.HeldOut, options, EvalSeed, encoder);
        }
        observer.OnMessage($"base policy ({parameters:N0} parameters): held-out pass@1 {baseEval.Results.Average(r => r.Correct.Average(c => c ? 1.0 : 0.0)):P1}");
        var runs = new List<DemoRun>();
        foreach (var seedIndex in Enumerable.Range(0, options.Seeds))
        {
            foreach (var method in options.Methods)
            {
                cancel.ThrowIfCancellationRequested();
                runs.Add(RunOne(method, seedIndex, baseDir, tokenizer, task, split.Train, split.HeldOut, device, encoder!, cancel));
            }
        }
        return new DemoResults(options, baseDir, parameters, baseEval, runs, baseSeconds, clock.Elapsed.TotalSeconds);
    }

    private long EvalSeed => Seeds.Derive(options.Seed, "demo-eval", 0);

    private DemoRun RunOne(string method, int seedIndex, string baseDir, CharTokenizer tokenizer, ISyntheticTask task,
        IReadOnlyList<Problem> train, IReadOnlyList<Problem> heldOut, Device device, ISentenceEncoder encoder, CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        var config = Config(method, seedIndex, baseDir);
        using var context = new TrainingContext
        {
            Policy = HfCheckpoint.Load(baseDir, device, ScalarType.Float32),
            Reference = config.Loss.KlCoef > 0 ? HfCheckpoint.Load(baseDir, device, ScalarType.Float32) : null,
            Tokenizer = tokenizer,
            TrainProblems = train,
            Verifier = task.Verifier,
            Template = PromptTemplate.Custom("{question}"),
            Exploration = method == "evol" ? new EvolExploration(encoder, 0, ownsEncoder: false) : ExplorationFactory.Create(config),
        };
        var steps = new List<IReadOnlyDictionary<string, double>>();
        var runObserver = new RunObserver(method, seedIndex, observer, steps);
        new TrainingRun(config, context, runObserver).Execute(cancel);
        var evaluation = DemoEvaluation.Run($"{method}", context.Policy, tokenizer, task, heldOut, options, EvalSeed, encoder);
        observer.OnMessage($"{method} seed {seedIndex}: held-out pass@1 {evaluation.Results.Average(r => r.Correct.Average(c => c ? 1.0 : 0.0)):P1} ({clock.Elapsed.TotalSeconds:F0} s)");
        return new DemoRun(method, seedIndex, config.Run.OutputDir, steps, evaluation, clock.Elapsed.TotalSeconds);
    }

    /// <summary>The RL config of a run: identical for every method except exploration.method.</summary>
    public TrainConfig Config(string method, int seedIndex, string baseDir) => new()
    {
        Model = new ModelSection { Path = baseDir, Device = options.Device },
        Data = new DataSection { Train = [options.Task], Eval = [], Template = "{question}" },
        Rollout = new RolloutSection { GroupSize = options.GroupSize, PromptsPerStep = options.PromptsPerStep, Temperature = 1.0, MaxNewTokens = options.MaxNewTokens },
        Optim = new OptimSection { Lr = options.Lr, WeightDecay = 0.0, GradClip = 1.0 },
        Batch = new BatchSection { MicroBatchSize = options.PromptsPerStep * options.GroupSize },
        Loss = new LossSection(),
        Exploration = new ExplorationSection { Method = method == "grpo" ? "none" : method },
        Checkpoint = new CheckpointSection { Every = 0, KeepLast = 1 },
        Run = new RunSection { Steps = options.Steps, Seed = options.Seed + (1000 * (seedIndex + 1)), OutputDir = Path.Combine(options.OutputDirectory, "runs", $"{method}-seed{seedIndex}") },
    };

    private sealed class RunObserver(string method, int seed, IDemoObserver observer, List<IReadOnlyDictionary<string, double>> steps) : ITrainingObserver
    {
        public void OnStep(int step, int totalSteps, IReadOnlyDictionary<string, double> metrics, TimeSpan elapsed)
        {
            steps.Add(metrics);
            observer.OnRunStep(method, seed, step, totalSteps, metrics);
        }

        public void OnMessage(string message)
        {
        }
    }
}
