using G2rl.Checkpoints;
using G2rl.Data;
using G2rl.Exploration;
using G2rl.Grading;
using G2rl.Runtime;
using G2rl.Tests.Support;
using G2rl.Tokenization;
using G2rl.Training;
using G2rl.Training.Config;
using TorchSharp;
using static TorchSharp.torch;

namespace G2rl.Tests.Training;

/// <summary>
/// A trivial verifiable task on the tiny fixture model: a character tokenizer whose 380 characters cover the model's
/// vocabulary, and a verifier that accepts a response whose first character is in the lower half of that alphabet
/// (about half of random responses), so GRPO has a clear signal to learn within a few steps.
/// </summary>
internal static class TinyTraining
{
    public static readonly IReadOnlyList<string> Alphabet = [.. Enumerable.Range(0, 380).Select(i => ((char)(0x100 + i)).ToString())];

    public static TrainConfig Config(string outputDir, Func<TrainConfig, TrainConfig>? edit = null)
    {
        var c = new TrainConfig
        {
            Model = new ModelSection { Path = "fixture" },
            Data = new DataSection { Train = ["tiny"], Eval = [], Template = "{question}" },
            Rollout = new RolloutSection { GroupSize = 4, PromptsPerStep = 3, Temperature = 1.0, MaxNewTokens = 3 },
            Optim = new OptimSection { Lr = 3e-3, WeightDecay = 0.0, GradClip = 1.0 },
            Batch = new BatchSection { MicroBatchSize = 5, LogprobChunk = 7 },
            Loss = new LossSection { KlCoef = 0.0 },
            Checkpoint = new CheckpointSection { Every = 0, KeepLast = 2 },
            Run = new RunSection { Steps = 4, Seed = 11, OutputDir = outputDir },
        };
        c = edit?.Invoke(c) ?? c;
        ConfigValidator.Validate(c, "test");
        return c;
    }

    public static TrainingContext Context(TrainConfig config, IExplorationMethod? exploration = null, string model = "tiny-qwen3-tied", G2rl.Rewards.RewardRegistry? rewards = null)
    {
        var tokenizer = new CharTokenizer(Alphabet);
        var dtype = DTypes.Parse(config.Model.Dtype);
        var policy = HfCheckpoint.Load(FixtureModels.Dir(model), CPU, dtype);
        TrainingSetup.AttachLora(config, policy, FixtureModels.Dir(model));
        var reference = TrainingSetup.NeedsReferenceCopy(config) ? HfCheckpoint.Load(FixtureModels.Dir(model), CPU, dtype) : null;
        var problems = Enumerable.Range(0, 6).Select(i => new Problem($"p{i}", Alphabet[i * 7] + Alphabet[(i * 13) + 1], "", AnswerKind.Math, null, "tiny")).ToList();
        return new TrainingContext
        {
            Policy = policy,
            Reference = reference,
            Tokenizer = tokenizer,
            TrainProblems = problems,
            Verifier = new LowerHalfVerifier(),
            Template = PromptTemplate.Custom("{question}"),
            Exploration = exploration ?? new NoExploration(),
            Rewards = rewards ?? new G2rl.Rewards.RewardRegistry(),
        };
    }

    /// <summary>Correct when the response starts with one of the first 190 alphabet characters.</summary>
    internal sealed class LowerHalfVerifier : IProblemVerifier
    {
        public GradeResult Verify(Problem problem, string response) =>
            response.Length == 0 ? new GradeResult(false, null) : new GradeResult(response[0] < 0x100 + 190, response[..1]);
    }
}
