using G2rl.Data;
using G2rl.Model;
using G2rl.Tokenization;

namespace G2rl.Bench;

/// <summary>
/// One model of the <c>features</c> benchmark with its training workload: architecture (random weights), tokenizer,
/// problems and verifier, and the rollouts of one step (prompts × group, up to <see cref="MaxNewTokens"/> tokens).
/// </summary>
internal sealed record FeaturesCase(
    string Name,
    string Description,
    Qwen3Config Config,
    ITextTokenizer Tokenizer,
    IReadOnlyList<Problem> Problems,
    IProblemVerifier Verifier,
    int Prompts,
    int Group,
    int MaxNewTokens,
    bool StopsAtEos)
{
    /// <summary>Rollouts per step.</summary>
    public int Rows => Prompts * Group;
}
