using G2rl.Tokenization;

using G2rl.Tests.Support;

namespace G2rl.Tests.Tokenization;

/// <summary>Bad tokenizer files give a <see cref="G2rlException"/> whose message names the file.</summary>
public sealed class TokenizerErrorTests
{
    [Fact]
    public void A_missing_file_is_named()
    {
        var path = Path.Combine(Path.GetTempPath(), "g2rl-missing-" + Guid.NewGuid().ToString("N"), "tokenizer.json");
        Assert.Contains(path, Assert.Throws<G2rlException>(() => TokenizerLoader.Load(path)).Message, StringComparison.Ordinal);
        Assert.Contains(path, Assert.Throws<G2rlException>(() => QwenTokenizer.Load(path)).Message, StringComparison.Ordinal);
        Assert.Contains(path, Assert.Throws<G2rlException>(() => CharTokenizer.Load(path)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_directory_without_a_tokenizer_is_named()
    {
        using var dir = new TempDir();
        var error = Assert.Throws<G2rlException>(() => TokenizerLoader.Load(dir.Path));
        Assert.Contains(dir.Path, error.Message, StringComparison.Ordinal);
        Assert.Contains("tokenizer.json", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tokenizer.json", "{ not json", "not valid JSON")]
    [InlineData("tokenizer.json", "[1, 2]", "not a JSON object")]
    [InlineData("tokenizer.json", "{\"added_tokens\": []}", "\"model\" is missing")]
    [InlineData("tokenizer.json", "{\"model\": {\"type\": \"WordPiece\", \"vocab\": {}}}", "WordPiece")]
    [InlineData("tokenizer.json", "{\"model\": {\"type\": \"BPE\", \"vocab\": {}, \"merges\": [[\"a\", \"b\"]]}}", "ByteLevel")]
    [InlineData("tokenizer.json.gz", "{}", "not gzip")]
    public void A_malformed_file_is_named_with_the_problem(string name, string content, string problem)
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File(name), content);
        var error = Assert.Throws<G2rlException>(() => TokenizerLoader.Load(dir.File(name)));
        Assert.Contains(dir.File(name), error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_config_is_named()
    {
        using var dir = new TempDir();
        CharTokenizer.FromCharacters("ab").Save(dir.Path);
        File.WriteAllText(dir.File("tokenizer_config.json"), "{\"eos_token\": ");
        var error = Assert.Throws<G2rlException>(() => TokenizerLoader.Load(dir.Path));
        Assert.Contains(dir.File("tokenizer_config.json"), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_config_naming_an_unknown_eos_token_is_named()
    {
        using var dir = new TempDir();
        CharTokenizer.FromCharacters("ab").Save(dir.Path);
        File.WriteAllText(dir.File("tokenizer_config.json"), "{\"eos_token\": \"</s>\"}");
        var error = Assert.Throws<G2rlException>(() => TokenizerLoader.Load(dir.Path));
        Assert.Contains(dir.File("tokenizer_config.json"), error.Message, StringComparison.Ordinal);
        Assert.Contains("</s>", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_explicit_config_is_named()
    {
        var config = Path.Combine(Path.GetTempPath(), "g2rl-missing-" + Guid.NewGuid().ToString("N") + ".json");
        var error = Assert.Throws<G2rlException>(() => QwenTokenizer.Load(TokenizerTestFiles.QwenTokenizerGz, config));
        Assert.Contains(config, error.Message, StringComparison.Ordinal);
    }
}
