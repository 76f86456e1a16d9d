namespace G2rl.Tokenization;

/// <summary>
/// Text to token ids and back; the one tokenizer abstraction of the project.
/// Implementations: <see cref="QwenTokenizer"/> (byte-level BPE from a Hugging Face tokenizer.json) and
/// <see cref="CharTokenizer"/> (character-level, for synthetic tasks). <see cref="TokenizerLoader"/> picks one for a file.
/// </summary>
public interface ITextTokenizer
{
    /// <summary>
    /// Token ids of <paramref name="text"/>; adds no BOS/EOS. Added-token strings in the text (for example
    /// <c>&lt;|im_start|&gt;</c>) map to their ids, as Hugging Face does with <c>add_special_tokens=False</c>.
    /// </summary>
    IReadOnlyList<int> Encode(string text);

    /// <summary>
    /// The text of <paramref name="ids"/>. With <paramref name="skipSpecialTokens"/> the tokens flagged special are left
    /// out (other added tokens stay). Ids the tokenizer does not know are skipped, as Hugging Face does.
    /// </summary>
    string Decode(IEnumerable<int> ids, bool skipSpecialTokens = false);

    /// <summary>Number of ids: the largest id plus one, added tokens included (Hugging Face <c>len(tokenizer)</c>).</summary>
    int VocabSize { get; }

    /// <summary>The id of one token string (a vocabulary entry or an added token), or null.</summary>
    int? TokenToId(string token);

    /// <summary>The token string of one id (raw vocabulary form, e.g. <c>Ġworld</c> for byte-level BPE), or null.</summary>
    string? IdToToken(int id);

    /// <summary>The end-of-sequence id, or null when the tokenizer has none.</summary>
    int? EosTokenId { get; }

    /// <summary>The padding id, or null when the tokenizer has none.</summary>
    int? PadTokenId { get; }

    /// <summary>Ids of the added tokens flagged special (those <see cref="Decode"/> skips on request).</summary>
    IReadOnlyCollection<int> SpecialTokenIds { get; }

    /// <summary>
    /// Writes <c>tokenizer.json</c> and <c>tokenizer_config.json</c> into <paramref name="directory"/> (created when
    /// missing), so that the folder loads with <see cref="TokenizerLoader"/> and with transformers' <c>AutoTokenizer</c>.
    /// </summary>
    void Save(string directory);
}
