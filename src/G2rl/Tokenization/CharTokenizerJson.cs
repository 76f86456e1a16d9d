using System.Text.Encodings.Web;
using System.Text.Json;
using static G2rl.Tokenization.TokenizerJsonFields;

namespace G2rl.Tokenization;

/// <summary>
/// The Hugging Face files of a <see cref="CharTokenizer"/>. tokenizer.json holds a "BPE" model whose vocabulary is
/// every token and whose merges are empty, with no normalizer and no pre-tokenizer: the Hugging Face BPE then splits
/// text into single characters and looks each up. Specials and multi-character entries are added tokens (all also in
/// the vocabulary, so their ids are fixed); the "Fuse" decoder concatenates tokens without spaces.
/// </summary>
internal static class CharTokenizerJson
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>True for a file in the form <see cref="Write"/> produces: BPE, no merges, nothing byte-level.</summary>
    public static bool Matches(JsonElement root)
    {
        var model = Optional(root, "model");
        return TypeOf(model) == "BPE"
            && Optional(model!.Value, "merges") is { ValueKind: JsonValueKind.Array } merges && merges.GetArrayLength() == 0
            && !Flatten(Optional(root, "pre_tokenizer")).Concat(Flatten(Optional(root, "decoder"))).Any(c => TypeOf(c) == "ByteLevel");
    }

    public static void Write(CharTokenizerLayout layout, string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory.CreateDirectory(directory);
        File.WriteAllBytes(Path.Combine(directory, TokenizerFiles.TokenizerJson), WriteJson(w => WriteTokenizer(w, layout)));
        File.WriteAllBytes(Path.Combine(directory, TokenizerFiles.ConfigJson), WriteJson(w => WriteConfig(w, layout)));
    }

    public static CharTokenizerLayout Read(JsonElement root, string file, TokenizerConfig? config)
    {
        if (!Matches(root))
        {
            throw new G2rlException($"{file} is not a character tokenizer (expected a BPE model with empty merges and no ByteLevel)");
        }
        if (Optional(root, "normalizer") is not null || Optional(root, "pre_tokenizer") is not null)
        {
            throw new G2rlException($"{file}: a character tokenizer must have no normalizer and no pre_tokenizer");
        }
        if (TypeOf(Optional(root, "decoder")) != "Fuse")
        {
            throw new G2rlException($"{file}: a character tokenizer needs the decoder {{\"type\": \"Fuse\"}}");
        }
        var model = Required(root, "model", JsonValueKind.Object, file, "");
        var tokens = ReadVocab(model, file);
        var added = ByteLevelBpeReader.ReadAddedTokens(root, file);
        foreach (var token in added.Where(t => t.Id < 0 || t.Id >= tokens.Length || tokens[t.Id] != t.Content))
        {
            throw new G2rlException($"{file}: added token \"{token.Content}\" (id {token.Id}) is not in \"model.vocab\" with that id");
        }
        string? Role(string? fromConfig, string fallback) =>
            fromConfig ?? (Array.IndexOf(tokens, fallback) >= 0 ? fallback : null);
        var unknown = OptionalString(model, "unk_token", file, "model.");
        var layout = new CharTokenizerLayout(tokens, added.Select(t => t.Id).ToHashSet(), added.Where(t => t.Special).Select(t => t.Id).ToHashSet(),
            Role(config?.PadToken, "<pad>"), Role(config?.EosToken, "<eos>"), Role(config?.BosToken, "<bos>"), unknown,
            config?.ModelMaxLength ?? new CharTokenizerOptions().ModelMaxLength);
        foreach (var (field, token) in new[] { ("pad_token", layout.PadToken), ("eos_token", layout.EosToken), ("bos_token", layout.BosToken), ("unk_token", unknown) })
        {
            if (token is not null && Array.IndexOf(tokens, token) < 0)
            {
                throw new G2rlException($"{(field == "unk_token" ? file : config!.Path)}: {field} \"{token}\" is not in the vocabulary of {file}");
            }
        }
        return layout;
    }

    private static string[] ReadVocab(JsonElement model, string file)
    {
        var vocab = Required(model, "vocab", JsonValueKind.Object, file, "model.");
        var entries = new List<(string Token, int Id)>();
        foreach (var entry in vocab.EnumerateObject())
        {
            entries.Add((entry.Name, entry.Value.ValueKind == JsonValueKind.Number && entry.Value.TryGetInt32(out var id) ? id : -1));
        }
        var tokens = new string[entries.Count];
        foreach (var (token, id) in entries)
        {
            if (id < 0 || id >= tokens.Length || tokens[id] is not null)
            {
                throw new G2rlException($"{file}: \"model.vocab\" ids must be 0..{tokens.Length - 1}, each once; \"{token}\" has {id}");
            }
            tokens[id] = token;
        }
        return tokens;
    }

    private static void WriteTokenizer(Utf8JsonWriter w, CharTokenizerLayout layout)
    {
        w.WriteString("version", "1.0");
        w.WriteNull("truncation");
        w.WriteNull("padding");
        w.WriteStartArray("added_tokens");
        foreach (var id in layout.AddedIds.Order())
        {
            w.WriteStartObject();
            w.WriteNumber("id", id);
            w.WriteString("content", layout.Tokens[id]);
            w.WriteBoolean("single_word", false);
            w.WriteBoolean("lstrip", false);
            w.WriteBoolean("rstrip", false);
            w.WriteBoolean("normalized", false);
            w.WriteBoolean("special", layout.SpecialIds.Contains(id));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteNull("normalizer");
        w.WriteNull("pre_tokenizer");
        w.WriteNull("post_processor");
        w.WriteStartObject("decoder");
        w.WriteString("type", "Fuse");
        w.WriteEndObject();
        w.WriteStartObject("model");
        w.WriteString("type", "BPE");
        w.WriteNull("dropout");
        WriteStringOrNull(w, "unk_token", layout.UnknownToken);
        w.WriteNull("continuing_subword_prefix");
        w.WriteNull("end_of_word_suffix");
        w.WriteBoolean("fuse_unk", false);
        w.WriteBoolean("byte_fallback", false);
        w.WriteBoolean("ignore_merges", false);
        w.WriteStartObject("vocab");
        for (var id = 0; id < layout.Tokens.Count; id++)
        {
            w.WriteNumber(layout.Tokens[id], id);
        }
        w.WriteEndObject();
        w.WriteStartArray("merges");
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteConfig(Utf8JsonWriter w, CharTokenizerLayout layout)
    {
        w.WriteString("tokenizer_class", "PreTrainedTokenizerFast");
        w.WriteNumber("model_max_length", layout.ModelMaxLength);
        w.WriteBoolean("clean_up_tokenization_spaces", false);
        WriteStringOrNull(w, "pad_token", layout.PadToken);
        WriteStringOrNull(w, "eos_token", layout.EosToken);
        WriteStringOrNull(w, "bos_token", layout.BosToken);
        WriteStringOrNull(w, "unk_token", layout.UnknownToken);
        var roles = new[] { layout.PadToken, layout.EosToken, layout.BosToken, layout.UnknownToken };
        w.WriteStartArray("additional_special_tokens");
        foreach (var id in layout.SpecialIds.Order().Where(id => !roles.Contains(layout.Tokens[id])))
        {
            w.WriteStringValue(layout.Tokens[id]);
        }
        w.WriteEndArray();
    }

    private static void WriteStringOrNull(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }

    private static byte[] WriteJson(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }
        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }
}
