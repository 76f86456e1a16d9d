namespace G2rl.Tokenization;

/// <summary>Opens the right <see cref="ITextTokenizer"/> for a model directory or a tokenizer.json(.gz) file.</summary>
public static class TokenizerLoader
{
    /// <summary>
    /// A <see cref="CharTokenizer"/> when the file is a BPE model with empty merges and nothing byte-level (the form
    /// <see cref="CharTokenizer.Save"/> writes), else a byte-level BPE <see cref="QwenTokenizer"/>. The
    /// tokenizer_config.json beside the file supplies eos/pad. Errors are <see cref="G2rlException"/>s naming the path.
    /// </summary>
    public static ITextTokenizer Load(string pathOrDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(pathOrDirectory);
        var path = TokenizerFiles.ResolveTokenizerPath(pathOrDirectory);
        var bytes = TokenizerFiles.ReadBytes(path);
        using var document = TokenizerFiles.ParseJson(bytes, path);
        var config = TokenizerConfig.ReadBeside(path);
        return CharTokenizerJson.Matches(document.RootElement)
            ? new CharTokenizer(CharTokenizerJson.Read(document.RootElement, path, config))
            : QwenTokenizer.FromJson(path, bytes, document.RootElement, config);
    }
}
