using G2rl.Data;

namespace G2rl.Tests.Data;

public sealed class ChoiceShuffleTests
{
    [Fact]
    public void Permutation_is_a_permutation_and_repeatable()
    {
        for (var count = 0; count <= 10; count++)
        {
            foreach (var key in new[] { "", "recABC", "rec06pnAkLOr2t2mp", "ключ" })
            {
                var p = ChoiceShuffle.Permutation(key, count);
                Assert.Equal(Enumerable.Range(0, count), p.Order());
                Assert.Equal(p, ChoiceShuffle.Permutation(key, count));
            }
        }
    }

    [Fact]
    public void Correct_option_lands_in_each_slot_about_equally_often()
    {
        const int Keys = 4000;
        var slots = new int[4];
        var distinct = new HashSet<string>();
        for (var i = 0; i < Keys; i++)
        {
            var p = ChoiceShuffle.Permutation($"rec{i}", 4);
            slots[Array.IndexOf(p, 0)]++;
            distinct.Add(string.Join(',', p));
        }

        Assert.All(slots, s => Assert.InRange((double)s / Keys, 0.22, 0.28));
        Assert.Equal(24, distinct.Count); // all 4! orders occur
    }

    [Fact]
    public void Shuffle_applies_the_permutation()
    {
        string[] options = ["right", "wrong1", "wrong2", "wrong3"];
        var p = ChoiceShuffle.Permutation("recXYZ", 4);
        var shuffled = ChoiceShuffle.Shuffle("recXYZ", options);
        for (var s = 0; s < 4; s++)
        {
            Assert.Equal(options[p[s]], shuffled[s]);
        }
    }
}
