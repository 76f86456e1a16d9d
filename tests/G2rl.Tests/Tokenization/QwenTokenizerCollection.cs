namespace G2rl.Tests.Tokenization;

/// <summary>Test classes sharing one loaded <see cref="QwenTokenizerFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class QwenTokenizerCollection : ICollectionFixture<QwenTokenizerFixture>
{
    public const string Name = "Qwen3 tokenizer";
}
