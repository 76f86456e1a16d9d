using G2rl.Data;
using G2rl.Model;
using G2rl.Runtime;
using G2rl.Tokenization;
using G2rl.Training;
using G2rl.Training.Config;

namespace G2rl.Planning;

/// <summary>Builds <see cref="PlanInputs"/> from a train config: the model folder's config.json (no weights) and the longest prompt.</summary>
public static class PlanInputsBuilder
{
    /// <summary>
    /// The plan's inputs. The prompt length is <paramref name="promptTokens"/> when given, else data.max_prompt_tokens when set,
    /// else the longest training prompt measured with the model folder's tokenizer and the configured template.
    /// </summary>
    public static (PlanInputs Inputs, string PromptSource) From(TrainConfig config, int? promptTokens = null)
    {
        var model = Qwen3Config.Load(Path.Combine(config.Model.Path, "config.json"));
        var bytes = DTypes.Parse(config.Model.Dtype) == TorchSharp.torch.ScalarType.Float32 ? 4 : 2;
        var (prompt, source) = promptTokens is int p ? (p, "--prompt-tokens")
            : config.Data.MaxPromptTokens > 0 ? (config.Data.MaxPromptTokens, "data.max_prompt_tokens")
            : (LongestPrompt(config), "longest data.train prompt (tokenized)");
        if (prompt < 1)
        {
            throw new G2rlException($"prompt tokens must be ≥ 1, got {prompt}");
        }
        var lora = config.Model.Lora is { } l ? LoraParameterCount.Of(model, l.Rank, l.Targets) : 0;
        var inputs = new PlanInputs
        {
            Model = model,
            DTypeBytes = bytes,
            Lora = config.Model.Lora is not null,
            TrainableParameters = config.Model.Lora is null ? null : lora,
            ExtraParameters = lora,
            Reference = config.Loss.KlCoef > 0 && config.Model.Lora is null,
            RowsPerStep = config.Rollout.PromptsPerStep * config.Rollout.GroupSize,
            PromptTokens = prompt,
            MaxNewTokens = config.Rollout.MaxNewTokens,
            GradientCheckpointing = config.Batch.GradientCheckpointing,
            LogprobChunk = config.Batch.LogprobChunk,
            GradientFeatures = config.Exploration.Method == "g2rl",
        };
        return (inputs, source);
    }

    /// <summary>Token count of the longest rendered training prompt (tokenizer and data only; no weights).</summary>
    public static int LongestPrompt(TrainConfig config)
    {
        var tokenizer = TokenizerLoader.Load(config.Model.Path);
        var template = PromptTemplate.FromName(config.Data.Template).WithInstruction(config.Data.Instruction);
        var problems = ProblemSources.LoadAll(config.Data.Train, "data.train");
        return problems.Count == 0 ? 1 : problems.Max(p => tokenizer.Encode(template.Render(p)).Count);
    }
}
