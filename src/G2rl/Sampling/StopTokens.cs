using G2rl.Model;
using G2rl.Tokenization;

namespace G2rl.Sampling;

/// <summary>The one home of "which token ids end a response": the model config's EOS ids plus the tokenizer's EOS.</summary>
public static class StopTokens
{
    public static IReadOnlyList<int> Of(Qwen3Config config, ITextTokenizer? tokenizer) =>
        [.. config.EosTokenIds.Concat(tokenizer?.EosTokenId is int e ? [e] : Array.Empty<int>()).Distinct()];
}
