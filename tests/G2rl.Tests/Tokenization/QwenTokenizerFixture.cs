using G2rl.Tokenization;

namespace G2rl.Tests.Tokenization;

/// <summary>The Qwen3 tokenizer, loaded once (11 MB of JSON) for every test class in <see cref="QwenTokenizerCollection"/>.</summary>
public sealed class QwenTokenizerFixture
{
    public QwenTokenizer Tokenizer { get; } = QwenTokenizer.Load(TokenizerTestFiles.QwenTokenizerGz);
}
