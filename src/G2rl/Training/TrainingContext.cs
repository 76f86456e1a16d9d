using G2rl.Data;
using G2rl.Exploration;
using G2rl.Model;
using G2rl.Tokenization;

namespace G2rl.Training;

/// <summary>
/// Everything a run needs besides its config: the policy, the frozen reference (null when kl_coef = 0), tokenizer,
/// problems, verifier, prompt template and exploration method. Built from a config by TrainingSetup, or by the demo.
/// </summary>
public sealed class TrainingContext : IDisposable
{
    public required Qwen3ForCausalLM Policy { get; init; }

    public Qwen3ForCausalLM? Reference { get; init; }

    /// <summary>The KL reference: <see cref="Reference"/>, or with LoRA adapters the policy with its adapters off.</summary>
    public ICausalLm? KlReference => (ICausalLm?)Reference ?? Policy.Adapters?.Reference;

    public required ITextTokenizer Tokenizer { get; init; }

    public required IReadOnlyList<Problem> TrainProblems { get; init; }

    /// <summary>Held-out sets by name.</summary>
    public IReadOnlyList<(string Name, IReadOnlyList<Problem> Problems)> EvalSets { get; init; } = [];

    public required IProblemVerifier Verifier { get; init; }

    public required PromptTemplate Template { get; init; }

    public required IExplorationMethod Exploration { get; init; }

    /// <summary>Reward functions the config's <c>rewards</c> list can name: the built-ins plus any registered from code.</summary>
    public Rewards.RewardRegistry Rewards { get; init; } = new();

    /// <summary>Token ids that end a response (the checkpoint's and tokenizer's EOS ids, the template's end-of-turn tokens).</summary>
    public IReadOnlyList<int> EosTokenIds => Sampling.StopTokens.Of(Policy.Config, Tokenizer, Template);

    /// <summary>Padding id of rollout tensors.</summary>
    public int PadTokenId => Tokenizer.PadTokenId ?? Tokenizer.EosTokenId ?? Policy.Config.PadTokenId ?? 0;

    public void Dispose()
    {
        Policy.Adapters?.Dispose();
        Policy.Dispose();
        Reference?.Dispose();
        Exploration.Dispose();
    }
}
