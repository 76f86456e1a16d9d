using G2rl.Data;
using G2rl.Model;
using G2rl.Tokenization;
using G2rl.Training.Config;

namespace G2rl.Training;

/// <summary>
/// Checks made once everything is loaded and before step 1, so that a run cannot fail hours in on something knowable at
/// the start: tokenizer ids vs the model's vocab_size, eos/pad ids, token budgets vs the context, every evaluation
/// prompt tokenised and length-checked (when eval.every &gt; 0). Training prompts are checked by <see cref="RolloutStage.PromptTokens"/>.
/// </summary>
public static class PreflightChecks
{
    /// <summary>
    /// The same checks before any weights are loaded (config.json, the tokenizer and the data only), so that <c>g2rl train</c>
    /// reports them ahead of the memory plan, which tokenizes the training prompts.
    /// </summary>
    public static void BeforeLoading(TrainConfig config)
    {
        var modelConfig = Qwen3Config.Load(Path.Combine(config.Model.Path, "config.json"));
        var tokenizer = TokenizerLoader.Load(config.Model.Path);
        var template = PromptTemplate.FromName(config.Data.Template).WithInstruction(config.Data.Instruction);
        var eval = config.Eval.Every > 0
            ? config.Data.Eval.Select(e => (ProblemSources.DisplayName(e), ProblemSources.Load(e))).ToList()
            : [];
        Run(config, modelConfig, tokenizer, template, eval);
    }

    public static void Run(TrainConfig config, Qwen3ForCausalLM policy, ITextTokenizer tokenizer, PromptTemplate template,
        IReadOnlyList<(string Name, IReadOnlyList<Problem> Problems)> evalSets) => Run(config, policy.Config, tokenizer, template, evalSets);

    private static void Run(TrainConfig config, Qwen3Config modelConfig, ITextTokenizer tokenizer, PromptTemplate template,
        IReadOnlyList<(string Name, IReadOnlyList<Problem> Problems)> evalSets)
    {
        var model = config.Model.Path;
        var vocab = modelConfig.VocabSize;
        var context = modelConfig.MaxPositionEmbeddings;
        if (tokenizer.VocabSize > vocab)
        {
            throw new G2rlException($"{model}: the tokenizer has {tokenizer.VocabSize} ids but config.json vocab_size is {vocab} (ids ≥ {vocab} have no embedding row)");
        }
        foreach (var (name, id) in new[] { ("eos", tokenizer.EosTokenId), ("pad", tokenizer.PadTokenId), ("config.json pad_token_id", modelConfig.PadTokenId) })
        {
            if (id is < 0 || id >= vocab)
            {
                throw new G2rlException($"{model}: the {name} token id {id} is outside the vocabulary [0, {vocab})");
            }
        }
        foreach (var id in modelConfig.EosTokenIds.Where(id => id < 0 || id >= vocab))
        {
            throw new G2rlException($"{model}: config.json eos_token_id {id} is outside the vocabulary [0, {vocab})");
        }
        CheckBudget("rollout.max_new_tokens", config.Rollout.MaxNewTokens, context);
        var evalNew = config.Eval.MaxNewTokens > 0 ? config.Eval.MaxNewTokens : config.Rollout.MaxNewTokens;
        CheckBudget("eval.max_new_tokens", evalNew, context);
        if (config.Data.MaxPromptTokens > 0)
        {
            CheckBudget("data.max_prompt_tokens + rollout.max_new_tokens", (long)config.Data.MaxPromptTokens + config.Rollout.MaxNewTokens, context + 1L);
        }
        foreach (var (name, problems) in config.Eval.Every > 0 ? evalSets : [])
        {
            if (problems.Count == 0)
            {
                throw new G2rlException($"data.eval '{name}': the set is empty");
            }
            var limit = config.Eval.Limit > 0 ? problems.Take(config.Eval.Limit) : problems;
            foreach (var problem in limit)
            {
                int length;
                try
                {
                    length = tokenizer.Encode(template.Render(problem)).Count;
                }
                catch (G2rlException ex)
                {
                    throw new G2rlException($"data.eval '{name}' problem '{problem.Id}': {ex.Message}", ex);
                }
                if (length == 0 || (long)length + evalNew > context)
                {
                    throw new G2rlException($"data.eval '{name}' problem '{problem.Id}': its prompt has {length} tokens; with eval max_new_tokens {evalNew} that exceeds the model's context of {context}");
                }
            }
        }
    }

    private static void CheckBudget(string key, long value, long context)
    {
        if (value >= context)
        {
            throw new G2rlException($"{key} = {value} leaves no room for a prompt in the model's context of {context} tokens (max_position_embeddings)");
        }
    }
}
