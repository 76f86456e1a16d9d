using G2rl.Tokenization;

using G2rl.Tests.Support;

namespace G2rl.Tests.Tokenization;

public sealed class TokenizerLoaderTests
{
    [Fact]
    public void A_saved_char_tokenizer_loads_as_a_char_tokenizer_from_its_directory_or_file()
    {
        using var dir = new TempDir();
        var original = CharTokenizer.FromCharacters("abc");
        original.Save(dir.Path);

        var fromDirectory = Assert.IsType<CharTokenizer>(TokenizerLoader.Load(dir.Path));
        var fromFile = Assert.IsType<CharTokenizer>(TokenizerLoader.Load(dir.File("tokenizer.json")));
        Assert.Equal(original.Encode("cab<eos>"), fromDirectory.Encode("cab<eos>"));
        Assert.Equal(original.Encode("cab<eos>"), fromFile.Encode("cab<eos>"));
    }

    [Fact]
    public void The_qwen_tokenizer_file_loads_as_a_qwen_tokenizer_with_its_config()
    {
        var tokenizer = Assert.IsType<QwenTokenizer>(TokenizerLoader.Load(TokenizerTestFiles.QwenTokenizerGz));
        Assert.Equal(TokenizerTestFiles.Cases[0].Ids, tokenizer.Encode(TokenizerTestFiles.Cases[0].Text));
        Assert.Equal(151645, tokenizer.EosTokenId); // from qwen3-tokenizer_config.json beside the file
    }

    [Fact]
    public void A_directory_holding_tokenizer_json_gz_loads()
    {
        using var dir = new TempDir();
        File.Copy(TokenizerTestFiles.QwenTokenizerGz, dir.File("tokenizer.json.gz"));
        var tokenizer = Assert.IsType<QwenTokenizer>(TokenizerLoader.Load(dir.Path));
        Assert.Equal(dir.File("tokenizer.json.gz"), tokenizer.SourcePath);
        Assert.Equal(151643, tokenizer.EosTokenId); // no config: the Qwen3 base default <|endoftext|>
    }
}
