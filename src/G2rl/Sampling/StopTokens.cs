using G2rl.Data;
using G2rl.Model;
using G2rl.Tokenization;

namespace G2rl.Sampling;

/// <summary>
/// The one home of "which token ids end a response": the checkpoint's EOS ids (config.json and generation_config.json, merged
/// when the model is loaded), the tokenizer's EOS, and the prompt template's end-of-turn tokens (qwen: <c>&lt;|im_end|&gt;</c>)
/// that the tokenizer knows as single tokens.
/// </summary>
public static class StopTokens
{
    public static IReadOnlyList<int> Of(Qwen3Config config, ITextTokenizer? tokenizer, PromptTemplate? template = null) =>
        [.. config.EosTokenIds
            .Concat(tokenizer?.EosTokenId is int e ? [e] : Array.Empty<int>())
            .Concat(template is null || tokenizer is null ? [] : template.EndOfTurnTokens.Select(tokenizer.TokenToId).OfType<int>())
            .Distinct()];
}
