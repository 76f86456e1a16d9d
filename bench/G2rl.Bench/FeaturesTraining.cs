using G2rl.Data;
using G2rl.Model;
using G2rl.Training;
using G2rl.Training.Config;
using static TorchSharp.torch;

namespace G2rl.Bench;

/// <summary>The training config and context of a <see cref="FeaturesCase"/> for one exploration method.</summary>
internal static class FeaturesTraining
{
    /// <summary>
    /// Config defaults (the paper's: lr 5e-7 constant, KL k3 β = --kl-coef, clip 0.2, one PPO epoch and mini-batch)
    /// with the case's rollouts at temperature 1, --micro-batch (0 = every row in one) and --chunk; G2RL λ 0.5
    /// printed, clip 3, uniform weights.
    /// </summary>
    public static TrainConfig Config(FeaturesCase c, FeaturesSettings s, string method, int steps)
    {
        var config = new TrainConfig
        {
            Model = new ModelSection { Path = $"random:{c.Name}", Device = s.Device, Dtype = s.DType },
            Data = new DataSection { Train = [c.Name], Eval = [], Template = "{question}" },
            Rollout = new RolloutSection { GroupSize = c.Group, PromptsPerStep = c.Prompts, Temperature = 1.0, MaxNewTokens = c.MaxNewTokens },
            Batch = new BatchSection { MicroBatchSize = s.MicroBatch == 0 ? c.Rows : s.MicroBatch, LogprobChunk = s.Chunk },
            Loss = new LossSection { KlCoef = s.KlCoef },
            Exploration = new ExplorationSection { Method = method, Lambda = 0.5, Mode = "printed", Clip = 3.0, Weighting = "uniform" },
            Checkpoint = new CheckpointSection { Every = 0, KeepLast = 1 },
            Run = new RunSection { Steps = steps, Seed = s.Seed, OutputDir = "unused" },
        };
        ConfigValidator.Validate(config, "features benchmark");
        return config;
    }

    /// <summary>A context with a freshly initialised policy (Qwen3Init, --seed: the same weights for every method) and reference.</summary>
    public static TrainingContext Context(FeaturesCase c, TrainConfig config, Device device, ScalarType dtype, long seed) => new()
    {
        Policy = Model(c, device, dtype, seed),
        Reference = config.Loss.KlCoef > 0 ? Model(c, device, dtype, seed) : null,
        Tokenizer = c.Tokenizer,
        TrainProblems = c.Problems,
        Verifier = c.Verifier,
        Template = PromptTemplate.Custom("{question}"),
        Exploration = ExplorationFactory.Create(config),
    };

    private static Qwen3ForCausalLM Model(FeaturesCase c, Device device, ScalarType dtype, long seed)
    {
        var model = new Qwen3ForCausalLM(c.Config, dtype, device);
        Qwen3Init.Initialize(model, seed);
        return model;
    }
}
