using G2rl.Sampling;
using G2rl.Training.Config;

namespace G2rl.Training;

/// <summary>Stage 1: tokenised prompts of the step's problems → G sampled responses each.</summary>
public sealed class RolloutStage
{
    private readonly TrainingContext context;
    private readonly TrainConfig config;
    private readonly IReadOnlyList<IReadOnlyList<int>> promptTokens;

    public RolloutStage(TrainingContext context, TrainConfig config)
    {
        this.context = context;
        this.config = config;
        promptTokens = PromptTokens(context, config);
    }

    /// <summary>Prompt token ids of every training problem, checked against the context length before training starts.</summary>
    public static IReadOnlyList<IReadOnlyList<int>> PromptTokens(TrainingContext context, TrainConfig config)
    {
        var limit = config.Data.MaxPromptTokens > 0
            ? config.Data.MaxPromptTokens
            : context.Policy.Config.MaxPositionEmbeddings - config.Rollout.MaxNewTokens;
        var result = new List<IReadOnlyList<int>>(context.TrainProblems.Count);
        foreach (var problem in context.TrainProblems)
        {
            var ids = context.Tokenizer.Encode(context.Template.Render(problem));
            if (ids.Count == 0 || ids.Count > limit)
            {
                throw new G2rlException($"problem '{problem.Id}' ({problem.Source}): its prompt has {ids.Count} tokens, the limit is {limit} (context {context.Policy.Config.MaxPositionEmbeddings} − max_new_tokens {config.Rollout.MaxNewTokens}, or data.max_prompt_tokens)");
            }
            result.Add(ids);
        }
        return result;
    }

    /// <summary>
    /// Samples group_size responses for each problem index, deterministically from <paramref name="seed"/> (the same tokens for any
    /// rollout.max_num_seqs: every row has its own random stream), stopping on the template's end-of-turn and the checkpoint's EOS.
    /// </summary>
    public IReadOnlyList<SampledSequence> Run(int[] problemIndices, long seed)
    {
        var options = new SamplingOptions
        {
            Temperature = config.Rollout.Temperature,
            TopP = config.Rollout.TopP,
            TopK = config.Rollout.TopK,
            MaxNewTokens = config.Rollout.MaxNewTokens,
            EosTokenIds = context.EosTokenIds,
        };
        var prompts = problemIndices.Select(i => promptTokens[i]).ToList();
        // max_num_seqs auto = all rows of the step here; the memory plan resolves auto before the trainer is built.
        var sampler = new BatchedSampler(context.Policy, context.Tokenizer) { MaxNumSeqs = config.Rollout.MaxNumSeqs.Value };
        return sampler.Sample(prompts, config.Rollout.GroupSize, options, seed);
    }
}
