using System.Text.Json;
using Microsoft.ML.Tokenizers;

namespace G2rl.Tokenization;

/// <summary>
/// The Qwen3 (byte-level BPE) tokenizer, built from a Hugging Face tokenizer.json with Microsoft.ML.Tokenizers'
/// <see cref="BpeTokenizer"/>. Added tokens are cut out of the text first (leftmost-longest, as Hugging Face does),
/// then each remaining piece is NFC-normalized, split by the file's regex and encoded by BPE.
/// </summary>
public sealed class QwenTokenizer : ITextTokenizer
{
    /// <summary>The eos and pad token of Qwen3 base models, used when no tokenizer_config.json names them.</summary>
    public const string DefaultEndOfText = "<|endoftext|>";

    private readonly BpeTokenizer bpe;
    private readonly byte[] tokenizerJson;
    private readonly TokenizerConfig? config;
    private readonly Dictionary<string, int> addedIds;
    private readonly HashSet<int> specialIds;
    private readonly string?[] tokensById;
    private readonly AddedTokenMatcher matcher;

    private QwenTokenizer(string path, byte[] tokenizerJson, BpeTokenizer bpe, List<AddedToken> added, TokenizerConfig? config)
    {
        SourcePath = path;
        this.tokenizerJson = tokenizerJson;
        this.bpe = bpe;
        this.config = config;
        addedIds = added.ToDictionary(t => t.Content, t => t.Id, StringComparer.Ordinal);
        specialIds = added.Where(t => t.Special).Select(t => t.Id).ToHashSet();
        matcher = new AddedTokenMatcher(added);
        var maxId = bpe.Vocabulary.Values.Concat(added.Select(t => t.Id)).DefaultIfEmpty(-1).Max();
        tokensById = new string?[maxId + 1];
        foreach (var (token, id) in bpe.Vocabulary)
        {
            tokensById[id] = token;
        }
        foreach (var token in added)
        {
            tokensById[token.Id] = token.Content;
        }
        EosTokenId = config?.EosToken is { } eos ? config.IdOf(eos, "eos_token", TokenToId, path) : TokenToId(DefaultEndOfText);
        PadTokenId = config?.PadToken is { } pad ? config.IdOf(pad, "pad_token", TokenToId, path) : TokenToId(DefaultEndOfText);
    }

    /// <summary>The tokenizer.json (or .json.gz) this tokenizer was read from.</summary>
    public string SourcePath { get; }

    /// <inheritdoc/>
    public int VocabSize => tokensById.Length;

    /// <inheritdoc/>
    public int? EosTokenId { get; }

    /// <inheritdoc/>
    public int? PadTokenId { get; }

    /// <inheritdoc/>
    public IReadOnlyCollection<int> SpecialTokenIds => specialIds;

    /// <summary>
    /// Reads a tokenizer.json or tokenizer.json.gz (or the one in a model directory). The eos/pad tokens come from
    /// <paramref name="tokenizerConfigPath"/>, else from the tokenizer_config.json beside the file, else
    /// <see cref="DefaultEndOfText"/>. Errors are <see cref="G2rlException"/>s that name the file.
    /// </summary>
    public static QwenTokenizer Load(string pathOrDirectory, string? tokenizerConfigPath = null)
    {
        var path = TokenizerFiles.ResolveTokenizerPath(pathOrDirectory);
        var config = tokenizerConfigPath is null ? TokenizerConfig.ReadBeside(path) : TokenizerConfig.Read(tokenizerConfigPath);
        var bytes = TokenizerFiles.ReadBytes(path);
        using var document = TokenizerFiles.ParseJson(bytes, path);
        return FromJson(path, bytes, document.RootElement, config);
    }

    internal static QwenTokenizer FromJson(string path, byte[] bytes, JsonElement root, TokenizerConfig? config)
    {
        var (bpe, added) = ByteLevelBpeReader.Read(root, path);
        return new QwenTokenizer(path, bytes, bpe, added, config);
    }

    /// <inheritdoc/>
    public IReadOnlyList<int> Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ids = new List<int>(text.Length / 3 + 4);
        foreach (var piece in matcher.Split(text))
        {
            if (piece.Id is { } id)
            {
                ids.Add(id);
            }
            else if (piece.Length <= BoundedPreTokens.MaxChunkChars)
            {
                ids.AddRange(bpe.EncodeToIds(text.AsSpan(piece.Start, piece.Length)));
            }
            else
            {
                EncodeLong(text.Substring(piece.Start, piece.Length), ids);
            }
        }
        return ids;
    }

    /// <summary>A long piece in chunks at pre-token boundaries (see <see cref="BoundedPreTokens"/>), in linear time.</summary>
    private void EncodeLong(string piece, List<int> ids)
    {
        var normalized = bpe.Normalizer?.Normalize(piece) ?? piece;
        foreach (var (start, length) in BoundedPreTokens.Chunks(normalized, bpe.PreTokenizer))
        {
            ids.AddRange(bpe.EncodeToIds(normalized.AsSpan(start, length), considerPreTokenization: true, considerNormalization: false));
        }
    }

    /// <inheritdoc/>
    public string Decode(IEnumerable<int> ids, bool skipSpecialTokens = false)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var kept = ids.Where(id => IdToToken(id) is not null && !(skipSpecialTokens && specialIds.Contains(id)));
        return bpe.Decode(kept, considerSpecialTokens: true);
    }

    /// <inheritdoc/>
    public int? TokenToId(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (addedIds.TryGetValue(token, out var id) || bpe.Vocabulary.TryGetValue(token, out id))
        {
            return id;
        }
        return null;
    }

    /// <inheritdoc/>
    public string? IdToToken(int id) => id >= 0 && id < tokensById.Length ? tokensById[id] : null;

    /// <summary>Writes the original tokenizer.json verbatim and the original tokenizer_config.json (or a minimal one).</summary>
    public void Save(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory.CreateDirectory(directory);
        File.WriteAllBytes(Path.Combine(directory, TokenizerFiles.TokenizerJson), tokenizerJson);
        File.WriteAllBytes(Path.Combine(directory, TokenizerFiles.ConfigJson), config?.Bytes ?? MinimalConfig());
    }

    private byte[] MinimalConfig()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("tokenizer_class", "PreTrainedTokenizerFast");
            writer.WriteBoolean("add_bos_token", false);
            writer.WriteBoolean("clean_up_tokenization_spaces", false);
            WriteTokenOrNull(writer, "eos_token", EosTokenId);
            WriteTokenOrNull(writer, "pad_token", PadTokenId);
            writer.WriteEndObject();
        }
        return stream.ToArray();
    }

    private void WriteTokenOrNull(Utf8JsonWriter writer, string field, int? id)
    {
        if (id is { } value && IdToToken(value) is { } token)
        {
            writer.WriteString(field, token);
        }
        else
        {
            writer.WriteNull(field);
        }
    }
}
