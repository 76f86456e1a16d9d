using G2rl.Evaluation;

namespace G2rl.Tests.Evaluation;

public sealed class EvalSummaryTests
{
    private const bool T = true;
    private const bool F = false;

    [Fact]
    public void Per_benchmark_and_micro_metrics_match_hand_computed_values()
    {
        ProblemResult[] results =
        [
            new("A", "p1", [T, F, T, F]),
            new("B", "p3", [T, T, T, T], MajorityCorrect: true),
            new("A", "p2", [F, F, F, F]),
            new("B", "p4", [F, F, F, T], MajorityCorrect: false),
        ];
        var s = EvalSummary.Compute(results);

        Assert.Equal(["A", "B"], s.Benchmarks.Select(b => b.Benchmark));
        var a = s.Benchmarks[0];
        Assert.Equal((2, 4), (a.Problems, a.Samples));
        Assert.Equal([1, 2, 4], a.PassAtK.Keys);
        Assert.Equal(0.25, a.Pass1, 12);                 // (2/4 + 0) / 2
        Assert.Equal(0.25, a.PassAtK[1], 12);
        Assert.Equal(5.0 / 12, a.PassAtK[2], 12);        // p1: 1 - C(2,2)/C(4,2) = 5/6; p2: 0
        Assert.Equal(0.5, a.PassAtK[4], 12);
        Assert.Equal(0.5, a.PassAtKFirst[1], 12);        // p1 starts with T
        Assert.Equal(0.5, a.PassAtKFirst[2], 12);
        Assert.Null(a.Majority);
        Assert.Equal(0, a.MajorityProblems);
        Assert.Null(a.Pass1Interval);

        var b = s.Benchmarks[1];
        Assert.Equal(0.625, b.Pass1, 12);                // (1 + 1/4) / 2
        Assert.Equal(0.75, b.PassAtK[2], 12);            // p3: 1; p4: 1 - C(3,2)/C(4,2) = 1/2
        Assert.Equal(0.5, b.PassAtKFirst[2], 12);        // p4's first two are wrong
        Assert.Equal(1.0, b.PassAtKFirst[4], 12);
        Assert.Equal(0.5, b.Majority);
        Assert.Equal(2, b.MajorityProblems);

        var m = s.Micro;
        Assert.Equal(EvalSummary.MicroName, m.Benchmark);
        Assert.Equal(4, m.Problems);
        Assert.Equal(0.4375, m.Pass1, 12);               // (1/2 + 0 + 1 + 1/4) / 4
        Assert.Equal(0.75, m.PassAtKFirst[4], 12);
        Assert.Equal((5.0 / 6 + 0 + 1 + 0.5) / 4, m.PassAtK[2], 12);
        Assert.Equal(0.5, m.Majority);
    }

    [Fact]
    public void Micro_average_weights_problems_not_benchmarks()
    {
        var s = EvalSummary.Compute(
        [
            new("A", "1", [T]),
            new("B", "1", [F]),
            new("B", "2", [F]),
            new("B", "3", [T]),
        ]);
        Assert.Equal(1.0, s.Benchmarks[0].Pass1);
        Assert.Equal(1.0 / 3, s.Benchmarks[1].Pass1, 12);
        Assert.Equal(0.5, s.Micro.Pass1, 12);
    }

    [Fact]
    public void Default_ks_follow_the_fewest_samples_and_explicit_ks_are_checked()
    {
        ProblemResult[] results = [new("A", "1", [T, F, T]), new("A", "2", [F, F, T, T, T, T])];
        var s = EvalSummary.Compute(results);
        Assert.Equal(3, s.Micro.Samples);
        Assert.Equal([1, 2, 3], s.Micro.PassAtK.Keys);
        Assert.Equal([2], EvalSummary.Compute(results, ks: [2]).Micro.PassAtK.Keys);
        Assert.Throws<ArgumentException>(() => EvalSummary.Compute(results, ks: [4]));
        Assert.Throws<ArgumentException>(() => EvalSummary.Compute(results, ks: [0]));
    }

    [Fact]
    public void Invalid_inputs_throw()
    {
        Assert.Throws<ArgumentException>(() => EvalSummary.Compute([]));
        Assert.Throws<ArgumentException>(() => EvalSummary.Compute([new("A", "1", [])]));
        Assert.Throws<ArgumentException>(() => EvalSummary.Compute([new("A", "1", [T]), new("A", "1", [F])]));
    }

    [Fact]
    public void Bootstrap_intervals_are_seeded()
    {
        var rng = new Random(5);
        var results = Enumerable.Range(0, 60)
            .Select(i => new ProblemResult(i % 2 == 0 ? "A" : "B", $"{i}", [rng.Next(2) == 1, rng.Next(2) == 1]))
            .ToArray();
        var x = EvalSummary.Compute(results, bootstrapSeed: 9);
        var y = EvalSummary.Compute(results, bootstrapSeed: 9);
        Assert.All(x.Benchmarks.Append(x.Micro), m => Assert.NotNull(m.Pass1Interval));
        Assert.Equal(x.Micro.Pass1Interval, y.Micro.Pass1Interval);
        Assert.Equal(x.Benchmarks[1].Pass1Interval, y.Benchmarks[1].Pass1Interval);
        Assert.Equal(x.Micro.Pass1, x.Micro.Pass1Interval!.Mean, 12);
        Assert.InRange(x.Micro.Pass1, x.Micro.Pass1Interval.Lower, x.Micro.Pass1Interval.Upper);
    }
}
