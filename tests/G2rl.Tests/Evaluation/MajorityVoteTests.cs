using System.Globalization;
using G2rl.Evaluation;

namespace G2rl.Tests.Evaluation;

public sealed class MajorityVoteTests
{
    private static readonly Func<string, string, bool> Same = (a, b) => a == b;

    /// <summary>Test equivalence: numbers written as decimals or a/b fractions compare by value.</summary>
    private static readonly Func<string, string, bool> SameNumber = (a, b) => Math.Abs(Value(a) - Value(b)) < 1e-9;

    [Fact]
    public void Largest_class_wins_and_reports_its_first_member()
    {
        var r = MajorityVote.Vote(["2", "1", "2", "3", "2", "1"], Same, new Random(1));
        Assert.Equal(new VoteResult(0, 3, 3, 1), r);
    }

    [Fact]
    public void Equivalent_answers_merge_into_one_class()
    {
        string?[] answers = ["3", "1/2", "3", "0.5", "2/4"];
        Assert.Equal(new VoteResult(1, 3, 2, 1), MajorityVote.Vote(answers, SameNumber, new Random(0)));

        // With plain string equality "3" is the only repeated answer and wins instead.
        Assert.Equal(new VoteResult(0, 2, 4, 1), MajorityVote.Vote(answers, Same, new Random(0)));
    }

    [Fact]
    public void Equivalence_is_called_with_the_class_representative_first()
    {
        var calls = new List<(string, string)>();
        MajorityVote.Vote(["a", "b", "a"], (x, y) => { calls.Add((x, y)); return x == y; }, new Random(0));
        Assert.Equal([("a", "b"), ("a", "a")], calls);
    }

    [Fact]
    public void Null_answers_never_win()
    {
        Assert.Equal(new VoteResult(3, 1, 1, 1), MajorityVote.Vote([null, null, null, "7"], Same, new Random(0)));
        Assert.Equal(4, MajorityVote.Vote([null, null, null, "a", "b", "b"], Same, new Random(0)).WinnerIndex);
        Assert.Equal(new VoteResult(null, 0, 0, 0), MajorityVote.Vote([null, null], Same, new Random(0)));
        Assert.Equal(new VoteResult(null, 0, 0, 0), MajorityVote.Vote([], Same, new Random(0)));
    }

    [Fact]
    public void Tie_break_is_deterministic_for_a_seed()
    {
        string?[] answers = ["a", "b", "c", "d"];
        for (var seed = 0; seed < 50; seed++)
        {
            var first = MajorityVote.Vote(answers, Same, new Random(seed));
            var second = MajorityVote.Vote(answers, Same, new Random(seed));
            Assert.Equal(first, second);
            Assert.Equal(4, first.TiedClasses);
        }
    }

    [Fact]
    public void Each_tied_class_wins_about_equally_often_and_untied_ones_never()
    {
        string?[] answers = ["x", "y", "x", "z", "y", "w", "z"]; // x, y, z tied at 2; w has 1
        var wins = new Dictionary<int, int>();
        const int Trials = 6000;
        for (var seed = 0; seed < Trials; seed++)
        {
            var w = MajorityVote.Vote(answers, Same, new Random(seed)).WinnerIndex!.Value;
            wins[w] = wins.GetValueOrDefault(w) + 1;
        }

        Assert.Equal([0, 1, 3], wins.Keys.Order());
        foreach (var count in wins.Values)
        {
            var share = (double)count / Trials;
            Assert.InRange(share, 0.30, 0.37);
        }
    }

    [Fact]
    public void Rng_is_not_consumed_without_a_tie()
    {
        var rng = new Random(42);
        MajorityVote.Vote(["a", "a", "b"], Same, rng);
        Assert.Equal(new Random(42).Next(), rng.Next());
    }

    [Fact]
    public void IsCorrect_votes_among_the_first_k_and_checks_the_winner()
    {
        string?[] answers = ["3", "4", "4", "3", "3"];
        bool[] correct = [false, true, true, false, false];
        Assert.False(MajorityVote.IsCorrect(answers, correct, 1, Same, new Random(0)));
        Assert.True(MajorityVote.IsCorrect(answers, correct, 3, Same, new Random(0)));
        Assert.False(MajorityVote.IsCorrect(answers, correct, 5, Same, new Random(0)));
        Assert.False(MajorityVote.IsCorrect([null, null], [false, false], 2, Same, new Random(0)));
    }

    [Fact]
    public void IsCorrect_validates_its_arguments()
    {
        Assert.Throws<ArgumentException>(() => MajorityVote.IsCorrect(["1"], [true, false], 1, Same, new Random(0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => MajorityVote.IsCorrect(["1"], [true], 2, Same, new Random(0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => MajorityVote.IsCorrect(["1"], [true], 0, Same, new Random(0)));
    }

    private static double Value(string s)
    {
        var parts = s.Split('/');
        return parts.Length == 2
            ? double.Parse(parts[0], CultureInfo.InvariantCulture) / double.Parse(parts[1], CultureInfo.InvariantCulture)
            : double.Parse(s, CultureInfo.InvariantCulture);
    }
}
