using G2rl.Exploration;

namespace G2rl.Tests.Exploration;

/// <summary>MiniLM encoders loaded once per test class (about a second and 90 MB each).</summary>
public sealed class MiniLmFixture : IDisposable
{
    /// <summary>Default options: keep the first 256 pieces, batches of 32.</summary>
    public MiniLmSentenceEncoder Default { get; } = new();

    /// <summary>Keeps the last 16 pieces; batches of 2, so a handful of texts spans several ONNX runs.</summary>
    public MiniLmSentenceEncoder Tail { get; } = new(new MiniLmOptions(MaxTokens: 16, Truncation: TokenTruncation.KeepEnd, BatchSize: 2));

    public void Dispose()
    {
        Default.Dispose();
        Tail.Dispose();
    }
}
