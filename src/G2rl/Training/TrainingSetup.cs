using G2rl.Checkpoints;
using G2rl.Data;
using G2rl.Evaluation;
using G2rl.Exploration;
using G2rl.Model;
using G2rl.Runtime;
using G2rl.Tokenization;
using G2rl.Training.Config;

namespace G2rl.Training;

/// <summary>Builds a <see cref="TrainingContext"/> from a config: device, policy, frozen reference, tokenizer, data and exploration method.</summary>
public static class TrainingSetup
{
    /// <summary>Everything is checked (files, datasets, prompt lengths) before any training work starts.</summary>
    public static TrainingContext Build(TrainConfig config, Func<TrainConfig, IExplorationMethod> exploration, IProblemVerifier? verifier = null)
    {
        var device = ComputeDevice.Resolve(config.Model.Device);
        var dtype = DTypes.Parse(config.Model.Dtype);
        if (config.Run.Threads > 0)
        {
            // Capped at the core count: more threads than cores only contend (100000 hung the process).
            TorchSharp.torch.set_num_threads(Math.Min(config.Run.Threads, Environment.ProcessorCount));
        }
        var train = ProblemSources.LoadAll(config.Data.Train, "data.train");
        var eval = config.Data.Eval.Select(e => (ProblemSources.DisplayName(e), ProblemSources.Load(e))).ToList();
        var tokenizer = TokenizerLoader.Load(config.Model.Path);
        var template = PromptTemplate.FromName(config.Data.Template).WithInstruction(config.Data.Instruction);
        var policy = HfCheckpoint.Load(config.Model.Path, device, dtype);
        AttachLora(config, policy, config.Model.Path);
        var reference = NeedsReferenceCopy(config) ? HfCheckpoint.Load(config.Model.Path, device, dtype) : null;
        reference?.eval();
        PreflightChecks.Run(config, policy, tokenizer, template, eval);
        foreach (var p in reference?.parameters() ?? [])
        {
            p.requires_grad = false;
        }
        return new TrainingContext
        {
            Policy = policy,
            Reference = reference,
            Tokenizer = tokenizer,
            TrainProblems = train,
            EvalSets = eval,
            Verifier = verifier ?? GradingVerifier.Instance,
            Template = template,
            Exploration = exploration(config),
        };
    }

    /// <summary>With model.lora, attaches adapters to <paramref name="policy"/> (A drawn from the run seed) and freezes its base; returns them or null.</summary>
    public static LoraAdapters? AttachLora(TrainConfig config, Qwen3ForCausalLM policy, string baseModelPath) =>
        config.Model.Lora is { } lora ? LoraAdapters.Attach(policy, lora.ToOptions(), Seeds.Derive(config.Run.Seed, "lora_init", 0), Path.GetFullPath(baseModelPath)) : null;

    /// <summary>Whether the KL term needs a frozen copy of the initial policy: kl_coef &gt; 0 without LoRA (a LoRA policy with its adapters off is the reference).</summary>
    public static bool NeedsReferenceCopy(TrainConfig config) => config.Loss.KlCoef > 0 && config.Model.Lora is null;
}
