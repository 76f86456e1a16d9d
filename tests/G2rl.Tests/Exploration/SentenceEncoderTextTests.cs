using G2rl.Exploration;

namespace G2rl.Tests.Exploration;

/// <summary>The model-free parts of the sentence encoder: text cleaning, pooling, options.</summary>
public sealed class SentenceEncoderTextTests
{
    [Theory]
    [InlineData("a\nb", "a b")]
    [InlineData("  a \t\r\n b  ", "a b")]
    [InlineData("a\u00A0\u2003b", "a b")]
    [InlineData("a\u0000b\u200Bc\uFFFDd", "abcd")]
    [InlineData("\n\n", "")]
    [InlineData("x² ≤ café", "x² ≤ café")]
    public void Cleaning_collapses_whitespace_and_drops_control_characters(string input, string expected) =>
        Assert.Equal(expected, BertTextCleaner.Clean(input));

    [Fact]
    public void Pooling_averages_only_the_used_positions_then_normalises()
    {
        // 3 positions × 2 dims; the third position is padding and must be ignored.
        float[] hidden = [3, 0, 5, 6, 1000, -1000];
        var v = MiniLmPooling.MeanNormalized(hidden, length: 3, dimension: 2, used: 2);
        Assert.Equal(0.8f, v[0], 6); // mean (4, 3), norm 5
        Assert.Equal(0.6f, v[1], 6);
    }

    [Fact]
    public void Pooling_a_zero_mean_gives_a_zero_vector_not_nan()
    {
        var v = MiniLmPooling.MeanNormalized([1, -1, -1, 1], length: 2, dimension: 2, used: 2);
        Assert.Equal([0f, 0f], v);
    }

    [Theory]
    [InlineData(2, 32, 0)]
    [InlineData(513, 32, 0)]
    [InlineData(256, 0, 0)]
    [InlineData(256, 32, -1)]
    public void Options_out_of_range_are_rejected(int maxTokens, int batchSize, int threads) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new MiniLmOptions(maxTokens, TokenTruncation.KeepStart, batchSize, threads).Validate());

    [Fact]
    public void Default_options_match_sentence_transformers()
    {
        var o = new MiniLmOptions();
        o.Validate();
        Assert.Equal(256, o.MaxTokens);
        Assert.Equal(TokenTruncation.KeepStart, o.Truncation);
    }
}
