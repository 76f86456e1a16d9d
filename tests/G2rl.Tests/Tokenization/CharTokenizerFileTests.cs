using System.Text.Json;
using G2rl.Tokenization;

using G2rl.Tests.Support;

namespace G2rl.Tests.Tokenization;

/// <summary>The Hugging Face files a <see cref="CharTokenizer"/> saves, and loading them back.</summary>
public sealed class CharTokenizerFileTests
{
    private static readonly CharTokenizer Arithmetic = new(
        ["0", "1", "2", "+", "=", " ", "\n", "<sep>"],
        new CharTokenizerOptions { UnknownToken = "<unk>", AdditionalSpecialTokens = ["<answer>"], ModelMaxLength = 64 });

    private const string Sample = "<bos>12 + 2<sep>\n<answer>21<eos><pad>";

    [Fact]
    public void Save_then_load_gives_identical_ids_and_roles()
    {
        using var dir = new TempDir();
        Arithmetic.Save(dir.Path);
        var loaded = CharTokenizer.Load(dir.Path);

        Assert.Equal(Arithmetic.Encode(Sample), loaded.Encode(Sample));
        Assert.Equal(Arithmetic.Encode("1x2"), loaded.Encode("1x2")); // unknown character -> <unk>
        Assert.Equal(Arithmetic.VocabSize, loaded.VocabSize);
        Assert.Equal(Enumerable.Range(0, Arithmetic.VocabSize).Select(Arithmetic.IdToToken), Enumerable.Range(0, loaded.VocabSize).Select(loaded.IdToToken));
        Assert.Equal(Arithmetic.SpecialTokenIds.Order(), loaded.SpecialTokenIds.Order());
        Assert.Equal((Arithmetic.PadTokenId, Arithmetic.EosTokenId, Arithmetic.BosTokenId), (loaded.PadTokenId, loaded.EosTokenId, loaded.BosTokenId));
        Assert.Equal(64, loaded.ModelMaxLength);
        Assert.Equal(Sample, loaded.Decode(loaded.Encode(Sample)));
    }

    [Fact]
    public void Saved_tokenizer_json_is_a_bpe_over_the_characters_with_no_merges()
    {
        using var dir = new TempDir();
        Arithmetic.Save(dir.Path);
        using var json = JsonDocument.Parse(File.ReadAllText(dir.File("tokenizer.json")));
        var root = json.RootElement;
        var model = root.GetProperty("model");

        Assert.Equal("BPE", model.GetProperty("type").GetString());
        Assert.Equal(JsonValueKind.Array, model.GetProperty("merges").ValueKind);
        Assert.Equal(0, model.GetProperty("merges").GetArrayLength());
        Assert.Equal("<unk>", model.GetProperty("unk_token").GetString());
        var vocab = model.GetProperty("vocab").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
        Assert.Equal(Arithmetic.VocabSize, vocab.Count);
        Assert.All(vocab, entry => Assert.Equal(Arithmetic.TokenToId(entry.Key), entry.Value));
        Assert.Equal(JsonValueKind.Null, root.GetProperty("normalizer").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("pre_tokenizer").ValueKind);
        Assert.Equal("Fuse", root.GetProperty("decoder").GetProperty("type").GetString());
    }

    [Fact]
    public void Saved_added_tokens_flag_the_specials_and_keep_symbols_non_special()
    {
        using var dir = new TempDir();
        Arithmetic.Save(dir.Path);
        using var json = JsonDocument.Parse(File.ReadAllText(dir.File("tokenizer.json")));
        var added = json.RootElement.GetProperty("added_tokens").EnumerateArray()
            .ToDictionary(t => t.GetProperty("content").GetString()!, t => (Id: t.GetProperty("id").GetInt32(), Special: t.GetProperty("special").GetBoolean()));

        Assert.Equal(["<pad>", "<eos>", "<bos>", "<unk>", "<answer>", "<sep>"], added.OrderBy(a => a.Value.Id).Select(a => a.Key));
        Assert.All(added.Where(a => a.Key != "<sep>"), a => Assert.True(a.Value.Special, a.Key));
        Assert.False(added["<sep>"].Special);
        Assert.All(added, a => Assert.Equal(Arithmetic.TokenToId(a.Key), a.Value.Id));
    }

    [Fact]
    public void Saved_config_names_the_fast_tokenizer_class_and_the_role_tokens()
    {
        using var dir = new TempDir();
        Arithmetic.Save(dir.Path);
        using var json = JsonDocument.Parse(File.ReadAllText(dir.File("tokenizer_config.json")));
        var config = json.RootElement;

        Assert.Equal("PreTrainedTokenizerFast", config.GetProperty("tokenizer_class").GetString());
        Assert.Equal("<eos>", config.GetProperty("eos_token").GetString());
        Assert.Equal("<pad>", config.GetProperty("pad_token").GetString());
        Assert.Equal("<bos>", config.GetProperty("bos_token").GetString());
        Assert.Equal("<unk>", config.GetProperty("unk_token").GetString());
        Assert.Equal(64, config.GetProperty("model_max_length").GetInt32());
        Assert.Equal(["<answer>"], config.GetProperty("additional_special_tokens").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Eos_and_pad_follow_the_config_when_it_renames_them()
    {
        using var dir = new TempDir();
        new CharTokenizer(["a"], new CharTokenizerOptions { PadToken = "[P]", EosToken = "[E]", BosToken = null }).Save(dir.Path);
        var loaded = CharTokenizer.Load(dir.File("tokenizer.json"));
        Assert.Equal(0, loaded.PadTokenId);
        Assert.Equal(1, loaded.EosTokenId);
        Assert.Null(loaded.BosTokenId);
    }
}
