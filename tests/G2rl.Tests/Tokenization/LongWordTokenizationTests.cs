using System.Diagnostics;
using G2rl.Tokenization;

namespace G2rl.Tests.Tokenization;

/// <summary>Long inputs are tokenised in bounded time (issue 16 item 7), with exactly the ids of the short path.</summary>
[Collection(QwenTokenizerCollection.Name)]
public sealed class LongWordTokenizationTests(QwenTokenizerFixture fixture)
{
    [Fact]
    public void A_one_megabyte_single_word_is_tokenised_quickly_and_round_trips()
    {
        var random = new Random(16);
        var word = new string(Enumerable.Range(0, 1 << 20).Select(_ => (char)('a' + random.Next(26))).ToArray());
        var clock = Stopwatch.StartNew();
        var ids = fixture.Tokenizer.Encode(word);
        // Generous hang bound (before the fix: over 100 s); not a speed assertion.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"took {clock.Elapsed}");
        Assert.Equal(word, fixture.Tokenizer.Decode(ids));
    }

    [Fact]
    public void Chunking_a_long_text_at_pre_token_boundaries_gives_the_ids_of_encoding_it_line_by_line()
    {
        var random = new Random(7);
        string[] words = ["the", "café", "naïve", "123456", "x+y", "Straße", "  ", "(a)", "’s", "don't", "日本語", "🙂"];
        var lines = Enumerable.Range(0, 600).Select(_ => string.Join(' ', Enumerable.Range(0, 8).Select(_ => words[random.Next(words.Length)])) + "\n").ToList();
        var text = string.Concat(lines);
        Assert.True(text.Length > BoundedPreTokens.MaxChunkChars);
        var expected = lines.SelectMany(l => fixture.Tokenizer.Encode(l)).ToList();
        Assert.Equal(expected, fixture.Tokenizer.Encode(text));
    }

    [Fact]
    public void Chunks_cover_the_text_in_order_and_never_split_a_surrogate_pair()
    {
        var text = string.Concat(Enumerable.Repeat("🙂", 5000)) + " tail";
        var chunks = BoundedPreTokens.Chunks(text, preTokenizer: null, maxWord: 7, maxChunk: 20).ToList();
        Assert.Equal(text, string.Concat(chunks.Select(c => text.Substring(c.Start, c.Length))));
        Assert.All(chunks, c => Assert.False(char.IsLowSurrogate(text[c.Start])));
        Assert.All(chunks, c => Assert.InRange(c.Length, 1, 20));
    }
}
