using System.Text.Json;
using G2rl.Tests.Cli;

using G2rl.Tests.Support;

namespace G2rl.Tests.Tokenization;

/// <summary><c>g2rl tokenize</c>, run as a child process.</summary>
public sealed class TokenizeCommandTests
{
    [Fact]
    public void Tokenize_prints_the_reference_ids_as_a_json_array()
    {
        var reference = TokenizerTestFiles.Cases[5]; // Chinese and math: exercises UTF-8 arguments
        var result = CliProcess.Run(["tokenize", "--tokenizer", TokenizerTestFiles.QwenTokenizerGz, "--text", reference.Text]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal("[" + string.Join(',', reference.Ids) + "]", result.Stdout.Trim());
    }

    [Fact]
    public void Decode_prints_the_text_as_a_json_string()
    {
        var reference = TokenizerTestFiles.Cases[8]; // chat markup with special tokens
        var result = CliProcess.Run(["tokenize", "--tokenizer", TokenizerTestFiles.QwenTokenizerGz, "--decode", string.Join(',', reference.Ids)]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(reference.Decoded, JsonSerializer.Deserialize<string>(result.Stdout));
    }

    [Fact]
    public void A_char_tokenizer_directory_works_too()
    {
        using var dir = new TempDir();
        G2rl.Tokenization.CharTokenizer.FromCharacters("0123456789+=").Save(dir.Path);
        var result = CliProcess.Run(["tokenize", "--tokenizer", dir.Path, "--text", "12+3<eos>"]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal("[4,5,13,6,1]", result.Stdout.Trim());
    }

    [Fact]
    public void A_missing_tokenizer_fails_with_its_path()
    {
        var path = Path.Combine(Path.GetTempPath(), "g2rl-missing-" + Guid.NewGuid().ToString("N"));
        var result = CliProcess.Run(["tokenize", "--tokenizer", path, "--text", "hi"]);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(path, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_and_decode_together_are_a_usage_error()
    {
        var result = CliProcess.Run(["tokenize", "--tokenizer", TokenizerTestFiles.QwenTokenizerGz, "--text", "a", "--decode", "1"]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--text", result.Stderr, StringComparison.Ordinal);
    }
}
