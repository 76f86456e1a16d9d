using CustomReward;
using G2rl.Data;
using G2rl.Demo;
using G2rl.Model;
using G2rl.Rewards;
using G2rl.Runtime;
using G2rl.Tasks;
using G2rl.Training;
using G2rl.Training.Config;
using TorchSharp;

// Usage: dotnet run --project samples/CustomReward [-- OUTPUT_DIR]. Trains two GRPO + G2RL steps of the demo's arithmetic task on a
// small randomly initialised Qwen3 with the base reward = verifier + 0.1·format + 0.2·digits_only, then prints what it wrote.
TorchRuntime.Initialize(DeviceKind.Cpu);
var output = args.Length > 0 ? args[0] : Path.Combine(Path.GetTempPath(), "g2rl-custom-reward");
var task = TaskRegistry.Get("arithmetic");
var split = TaskSplits.Create(task, seed: 1, trainCount: 32, heldOutCount: 8, difficulty: 1);
var tokenizer = DemoModel.Tokenizer(task);
var policy = new Qwen3ForCausalLM(DemoModel.Config(tokenizer), torch.ScalarType.Float32, torch.CPU);
Qwen3Init.Initialize(policy, seed: 1);

var config = new TrainConfig
{
    Model = new ModelSection { Path = "(in memory)" },
    Data = new DataSection { Train = ["arithmetic"], Eval = [], Template = "{question}" },
    Rollout = new RolloutSection { GroupSize = 4, PromptsPerStep = 4, MaxNewTokens = 24 },
    Optim = new OptimSection { Lr = 1e-3, WeightDecay = 0.0 },
    Batch = new BatchSection { MicroBatchSize = 16 },
    Loss = new LossSection { KlCoef = 0.0 },
    Exploration = new ExplorationSection { Method = "g2rl" },
    Rewards = [new RewardWeight { Name = "verifier", Weight = 1.0 }, new RewardWeight { Name = "format", Weight = 0.1 }, new RewardWeight { Name = "digits_only", Weight = 0.2 }],
    Checkpoint = new CheckpointSection { Every = 0, KeepLast = 1 },
    Run = new RunSection { Steps = 2, Seed = 1, OutputDir = output },
};
ConfigValidator.Validate(config, "CustomReward sample");

using var context = new TrainingContext
{
    Policy = policy,
    Tokenizer = tokenizer,
    TrainProblems = split.Train,
    Verifier = task.Verifier,
    Template = PromptTemplate.Custom("{question}"),
    Exploration = ExplorationFactory.Create(config),
    Rewards = new RewardRegistry().Register(new DigitsOnlyReward()),
};
var outcome = new TrainingRun(config, context, new PrintingObserver()).Execute(CancellationToken.None, resumeFrom: null, overwrite: true);
var last = CompletionsFile.Read(CompletionsFile.PathOf(output, outcome.Steps));
Console.WriteLine($"{outcome.Stop} after {outcome.Steps} steps; {last.Count} completions in {CompletionsFile.PathOf(output, outcome.Steps)}");
Console.WriteLine($"mean digits_only score of the last step: {last.Average(l => l.RewardBreakdown["digits_only"]):F3}");
return outcome.Stop == TrainingStop.Completed && last.All(l => l.RewardBreakdown.ContainsKey("digits_only")) ? 0 : 1;

/// <summary>Prints one line per step.</summary>
internal sealed class PrintingObserver : ITrainingObserver
{
    public void OnStep(int step, int totalSteps, IReadOnlyDictionary<string, double> metrics, TimeSpan elapsed) =>
        Console.WriteLine($"step {step}/{totalSteps}: reward {metrics["reward/mean"]:F3}, accuracy {metrics["reward/accuracy"]:F3}, " +
                          $"digits_only {metrics["rewards/digits_only"]:F3}, format {metrics["rewards/format"]:F3}");

    public void OnMessage(string message) => Console.WriteLine(message);
}
