using System.Text.Json;

namespace G2rl.Tokenization;

/// <summary>The fields of a Hugging Face tokenizer_config.json that the tokenizers use, plus its original bytes.</summary>
internal sealed class TokenizerConfig
{
    private TokenizerConfig(string path, byte[] bytes)
    {
        Path = path;
        Bytes = bytes;
    }

    public string Path { get; }

    /// <summary>The file as read, for verbatim copies.</summary>
    public byte[] Bytes { get; }

    public string? EosToken { get; private init; }
    public string? PadToken { get; private init; }
    public string? BosToken { get; private init; }
    public string? UnkToken { get; private init; }
    public int? ModelMaxLength { get; private init; }

    /// <summary>Reads a tokenizer_config.json; errors name the file.</summary>
    public static TokenizerConfig Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new G2rlException($"tokenizer config not found: {path}");
        }
        var bytes = TokenizerFiles.ReadBytes(path);
        using var document = TokenizerFiles.ParseJson(bytes, path);
        var root = document.RootElement;
        return new TokenizerConfig(path, bytes)
        {
            EosToken = TokenName(root, "eos_token", path),
            PadToken = TokenName(root, "pad_token", path),
            BosToken = TokenName(root, "bos_token", path),
            UnkToken = TokenName(root, "unk_token", path),
            ModelMaxLength = TokenizerJsonFields.Optional(root, "model_max_length") is { ValueKind: JsonValueKind.Number } n
                && n.TryGetInt32(out var length) ? length : null,
        };
    }

    /// <summary>The config that belongs to <paramref name="tokenizerPath"/> (see <see cref="TokenizerFiles.FindConfigBeside"/>), or null.</summary>
    public static TokenizerConfig? ReadBeside(string tokenizerPath) =>
        TokenizerFiles.FindConfigBeside(tokenizerPath) is { } path ? Read(path) : null;

    /// <summary>The id of a token named by this config; an error naming both files when the tokenizer lacks it.</summary>
    public int IdOf(string token, string field, Func<string, int?> lookup, string tokenizerPath)
    {
        return lookup(token) ?? throw new G2rlException($"{Path}: {field} \"{token}\" is not a token of {tokenizerPath}");
    }

    /// <summary>A special-token field: a string, or an AddedToken object with "content" (older files); null when absent.</summary>
    private static string? TokenName(JsonElement root, string field, string path)
    {
        var value = TokenizerJsonFields.Optional(root, field);
        return value?.ValueKind switch
        {
            null => null,
            JsonValueKind.String => value.Value.GetString(),
            JsonValueKind.Object => TokenizerJsonFields.OptionalString(value.Value, "content", path, field + "."),
            _ => throw new G2rlException($"{path}: \"{field}\" should be a string or an object with \"content\""),
        };
    }
}
