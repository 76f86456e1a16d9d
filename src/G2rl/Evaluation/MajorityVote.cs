namespace G2rl.Evaluation;

/// <summary>Majority voting over sampled final answers (maj@k).</summary>
public static class MajorityVote
{
    /// <summary>
    /// Groups the non-null <paramref name="answers"/> into equivalence classes and returns the largest class;
    /// a tie between the largest classes is broken uniformly at random with <paramref name="rng"/>.
    /// </summary>
    /// <remarks>
    /// Classes are built greedily in answer order: an answer joins the first existing class whose first member
    /// (its representative) satisfies <c>equivalent(representative, answer)</c>, else starts a new class. So
    /// <paramref name="equivalent"/> need not be transitive, and is called with the earlier answer first.
    /// Null answers (nothing extracted) never win; if all are null there is no winner. <paramref name="rng"/> is
    /// drawn from (once, <c>rng.Next(tied)</c>) only when there is a tie, so a seeded rng gives reproducible votes.
    /// </remarks>
    public static VoteResult Vote(IReadOnlyList<string?> answers, Func<string, string, bool> equivalent, Random rng)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(equivalent);
        ArgumentNullException.ThrowIfNull(rng);
        var representatives = new List<int>();
        var counts = new List<int>();
        for (var i = 0; i < answers.Count; i++)
        {
            var answer = answers[i];
            if (answer is null)
            {
                continue;
            }

            var cls = representatives.FindIndex(r => equivalent(answers[r]!, answer));
            if (cls < 0)
            {
                representatives.Add(i);
                counts.Add(1);
            }
            else
            {
                counts[cls]++;
            }
        }

        if (counts.Count == 0)
        {
            return new VoteResult(null, 0, 0, 0);
        }

        var top = counts.Max();
        var tied = Enumerable.Range(0, counts.Count).Where(c => counts[c] == top).ToArray();
        var winner = tied.Length == 1 ? tied[0] : tied[rng.Next(tied.Length)];
        return new VoteResult(representatives[winner], top, counts.Count, tied.Length);
    }

    /// <summary>
    /// maj@k for one problem: votes among the first <paramref name="k"/> answers and returns whether the
    /// winner's sample is correct (<c>correct[winner]</c>); false when there is no winner.
    /// </summary>
    /// <exception cref="ArgumentException">The lists differ in length, or k is outside 1..count.</exception>
    public static bool IsCorrect(
        IReadOnlyList<string?> answers,
        IReadOnlyList<bool> correct,
        int k,
        Func<string, string, bool> equivalent,
        Random rng)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(correct);
        if (answers.Count != correct.Count)
        {
            throw new ArgumentException($"{answers.Count} answers but {correct.Count} correctness flags", nameof(correct));
        }

        if (k < 1 || k > answers.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, $"k must be in 1..{answers.Count} (the number of answers)");
        }

        var first = answers.Take(k).ToArray();
        var result = Vote(first, equivalent, rng);
        return result.WinnerIndex is { } w && correct[w];
    }
}
