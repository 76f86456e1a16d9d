using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.ML.Tokenizers;
using static G2rl.Tokenization.TokenizerJsonFields;

namespace G2rl.Tokenization;

/// <summary>
/// Builds a Microsoft.ML.Tokenizers <see cref="BpeTokenizer"/> from a Hugging Face byte-level BPE tokenizer.json
/// (Qwen2/Qwen3, GPT-2 style): vocab + merges, ByteLevel, the Split regex as the pre-tokenizer, optional NFC.
/// Anything it cannot reproduce exactly is rejected with an error naming the file and the field.
/// </summary>
internal static class ByteLevelBpeReader
{
    /// <summary>The pattern of the ByteLevel pre-tokenizer when <c>use_regex</c> is true (GPT-2).</summary>
    private const string Gpt2Pattern = @"'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+";

    public static (BpeTokenizer Bpe, List<AddedToken> Added) Read(JsonElement root, string file)
    {
        var model = Required(root, "model", JsonValueKind.Object, file, "");
        var type = TypeOf(model);
        if (type != "BPE")
        {
            throw new G2rlException($"{file}: unsupported tokenizer model type \"{type}\" (supported: byte-level BPE and the character-level BPE that CharTokenizer writes)");
        }
        CheckModelOptions(model, file);
        var added = ReadAddedTokens(root, file);
        var specials = added.ToDictionary(t => t.Content, t => t.Id, StringComparer.Ordinal);
        var options = new BpeOptions(ReadVocab(model, file))
        {
            Merges = ReadMerges(model, file),
            SpecialTokens = specials,
            ByteLevel = true,
            PreTokenizer = new RegexPreTokenizer(new Regex(SplitPattern(root, file), RegexOptions.Compiled | RegexOptions.CultureInvariant), null),
            Normalizer = ReadNormalizer(root, file),
            UnknownToken = OptionalString(model, "unk_token", file, "model."),
        };
        try
        {
            return (BpeTokenizer.Create(options), added);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or KeyNotFoundException)
        {
            throw new G2rlException($"{file}: cannot build the BPE tokenizer: {ex.Message}", ex);
        }
    }

    public static List<AddedToken> ReadAddedTokens(JsonElement root, string file)
    {
        var result = new List<AddedToken>();
        if (Optional(root, "added_tokens") is not { } list)
        {
            return result;
        }
        if (list.ValueKind != JsonValueKind.Array)
        {
            throw new G2rlException($"{file}: \"added_tokens\" should be an array");
        }
        var index = 0;
        foreach (var entry in list.EnumerateArray())
        {
            var where = $"added_tokens[{index++}].";
            var content = Required(entry, "content", JsonValueKind.String, file, where).GetString()!;
            if (OptionalBool(entry, "lstrip", false) || OptionalBool(entry, "rstrip", false) || OptionalBool(entry, "single_word", false))
            {
                throw new G2rlException($"{file}: added token \"{content}\" uses lstrip/rstrip/single_word, which G2rl does not support");
            }
            result.Add(new AddedToken(content, RequiredInt(entry, "id", file, where), OptionalBool(entry, "special", false)));
        }
        return result;
    }

    private static void CheckModelOptions(JsonElement model, string file)
    {
        if (OptionalBool(model, "ignore_merges", false))
        {
            throw new G2rlException($"{file}: \"model.ignore_merges\": true is not supported");
        }
        if (OptionalBool(model, "byte_fallback", false))
        {
            throw new G2rlException($"{file}: \"model.byte_fallback\": true is not supported");
        }
        if (Optional(model, "dropout") is { ValueKind: JsonValueKind.Number } dropout && dropout.GetDouble() != 0)
        {
            throw new G2rlException($"{file}: BPE dropout is not supported");
        }
        foreach (var field in new[] { "continuing_subword_prefix", "end_of_word_suffix" })
        {
            if (!string.IsNullOrEmpty(OptionalString(model, field, file, "model.")))
            {
                throw new G2rlException($"{file}: \"model.{field}\" is not supported in a byte-level BPE");
            }
        }
    }

    private static List<KeyValuePair<string, int>> ReadVocab(JsonElement model, string file)
    {
        var vocab = Required(model, "vocab", JsonValueKind.Object, file, "model.");
        var result = new List<KeyValuePair<string, int>>();
        foreach (var entry in vocab.EnumerateObject())
        {
            if (entry.Value.ValueKind != JsonValueKind.Number || !entry.Value.TryGetInt32(out var id))
            {
                throw new G2rlException($"{file}: \"model.vocab\" entry \"{entry.Name}\" should have an integer id");
            }
            result.Add(new(entry.Name, id));
        }
        return result;
    }

    /// <summary>Merges as "left right" lines; tokenizer.json stores them as such strings or as [left, right] pairs.</summary>
    private static List<string> ReadMerges(JsonElement model, string file)
    {
        var merges = Required(model, "merges", JsonValueKind.Array, file, "model.");
        var result = new List<string>(merges.GetArrayLength());
        foreach (var merge in merges.EnumerateArray())
        {
            var line = merge.ValueKind switch
            {
                JsonValueKind.String => merge.GetString()!,
                JsonValueKind.Array when merge.GetArrayLength() == 2 && merge[0].ValueKind == JsonValueKind.String && merge[1].ValueKind == JsonValueKind.String
                    && merge[0].GetString() is { } a && merge[1].GetString() is { } b
                    && !a.Contains(' ', StringComparison.Ordinal) && !b.Contains(' ', StringComparison.Ordinal) => $"{a} {b}",
                _ => throw new G2rlException($"{file}: malformed merge {merge.GetRawText()} in \"model.merges\""),
            };
            result.Add(line);
        }
        return result;
    }

    private static Normalizer? ReadNormalizer(JsonElement root, string file)
    {
        var normalizer = Optional(root, "normalizer");
        var types = Flatten(normalizer).Select(n => TypeOf(n)).Where(t => t != "Sequence").ToList();
        return types switch
        {
            [] => null,
            ["NFC"] => NfcNormalizer.Instance,
            _ => throw new G2rlException($"{file}: unsupported normalizer {normalizer?.GetRawText()} (supported: none or NFC)"),
        };
    }

    /// <summary>The regex that splits text before BPE: the Split pre-tokenizer's, or GPT-2's for ByteLevel(use_regex).</summary>
    private static string SplitPattern(JsonElement root, string file)
    {
        var parts = Flatten(Optional(root, "pre_tokenizer")).Where(p => TypeOf(p) != "Sequence").ToList();
        var byteLevel = parts.Where(p => TypeOf(p) == "ByteLevel").ToList();
        if (byteLevel.Count != 1)
        {
            throw new G2rlException($"{file}: expected one ByteLevel pre-tokenizer (a byte-level BPE), found {byteLevel.Count}");
        }
        if (OptionalBool(byteLevel[0], "add_prefix_space", false))
        {
            throw new G2rlException($"{file}: ByteLevel \"add_prefix_space\": true is not supported");
        }
        var splits = parts.Where(p => TypeOf(p) == "Split").ToList();
        var others = parts.Where(p => TypeOf(p) is not ("Split" or "ByteLevel")).Select(p => TypeOf(p)).ToList();
        if (others.Count > 0 || splits.Count > 1)
        {
            throw new G2rlException($"{file}: unsupported pre-tokenizer (supported: one Split regex then ByteLevel, or ByteLevel alone); found {string.Join(", ", parts.Select(p => TypeOf(p)))}");
        }
        var useRegex = OptionalBool(byteLevel[0], "use_regex", true);
        if (splits.Count == 0)
        {
            return useRegex ? Gpt2Pattern : throw new G2rlException($"{file}: the pre-tokenizer does not split the text (no Split and ByteLevel use_regex false)");
        }
        if (useRegex)
        {
            throw new G2rlException($"{file}: a Split pre-tokenizer followed by ByteLevel with use_regex true is not supported");
        }
        var split = splits[0];
        if (OptionalString(split, "behavior", file, "pre_tokenizer.Split.") != "Isolated" || OptionalBool(split, "invert", false))
        {
            throw new G2rlException($"{file}: only a Split pre-tokenizer with behavior \"Isolated\" and invert false is supported");
        }
        var pattern = Required(split, "pattern", JsonValueKind.Object, file, "pre_tokenizer.Split.");
        return OptionalString(pattern, "Regex", file, "pre_tokenizer.Split.pattern.")
            ?? throw new G2rlException($"{file}: only a Split pre-tokenizer with a \"Regex\" pattern is supported");
    }
}
