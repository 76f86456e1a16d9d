using System.IO.Compression;
using System.Text.Json;
using G2rl.Tokenization;

using G2rl.Tests.Support;

namespace G2rl.Tests.Tokenization;

/// <summary>Saving the Qwen3 tokenizer and loading it without a config.</summary>
[Collection(QwenTokenizerCollection.Name)]
public sealed class QwenTokenizerFileTests(QwenTokenizerFixture fixture)
{
    [Fact]
    public void Save_copies_the_original_files_verbatim_and_the_folder_reloads()
    {
        using var dir = new TempDir();
        fixture.Tokenizer.Save(dir.Path);

        Assert.True(Gunzip(TokenizerTestFiles.QwenTokenizerGz).AsSpan().SequenceEqual(File.ReadAllBytes(dir.File("tokenizer.json"))));
        Assert.True(File.ReadAllBytes(TokenizerTestFiles.QwenConfig).AsSpan().SequenceEqual(File.ReadAllBytes(dir.File("tokenizer_config.json"))));
        var reloaded = Assert.IsType<QwenTokenizer>(TokenizerLoader.Load(dir.Path));
        foreach (var reference in TokenizerTestFiles.Cases)
        {
            Assert.Equal(reference.Ids, reloaded.Encode(reference.Text));
        }
        Assert.Equal(fixture.Tokenizer.EosTokenId, reloaded.EosTokenId);
    }

    [Fact]
    public void Without_a_config_eos_and_pad_are_endoftext_and_save_writes_a_minimal_config()
    {
        using var source = new TempDir();
        File.Copy(TokenizerTestFiles.QwenTokenizerGz, source.File("tokenizer.json.gz"));
        var tokenizer = QwenTokenizer.Load(source.File("tokenizer.json.gz"));
        Assert.Equal(151643, tokenizer.EosTokenId);
        Assert.Equal(151643, tokenizer.PadTokenId);

        using var target = new TempDir();
        tokenizer.Save(target.Path);
        using var config = JsonDocument.Parse(File.ReadAllText(target.File("tokenizer_config.json")));
        Assert.Equal("PreTrainedTokenizerFast", config.RootElement.GetProperty("tokenizer_class").GetString());
        Assert.Equal("<|endoftext|>", config.RootElement.GetProperty("eos_token").GetString());
        Assert.Equal("<|endoftext|>", config.RootElement.GetProperty("pad_token").GetString());
    }

    [Fact]
    public void An_explicit_config_path_sets_eos_and_pad()
    {
        using var dir = new TempDir();
        File.Copy(TokenizerTestFiles.QwenTokenizerGz, dir.File("tokenizer.json.gz"));
        File.WriteAllText(dir.File("other_config.json"), "{\"eos_token\": {\"content\": \"<|im_end|>\"}, \"pad_token\": \"<|fim_pad|>\"}");
        var tokenizer = QwenTokenizer.Load(dir.Path, dir.File("other_config.json"));
        Assert.Equal(151645, tokenizer.EosTokenId);
        Assert.Equal(151662, tokenizer.PadTokenId);
    }

    private static byte[] Gunzip(string path)
    {
        using var input = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}
