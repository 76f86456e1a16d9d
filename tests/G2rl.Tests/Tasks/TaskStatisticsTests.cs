using G2rl.Tasks;

namespace G2rl.Tests.Tasks;

public sealed class TaskStatisticsTests
{
    [Fact]
    public void Report_matches_a_direct_count_over_the_same_draws()
    {
        var task = new CountdownTask();
        var report = TaskStatistics.Measure(task, seed: 4, count: 50, difficulty: 2);
        var rng = new Random(4);
        var problems = Enumerable.Range(0, 50).Select(_ => task.Generate(rng, 2)).ToList();
        var counts = problems.Select(p => task.AllSolutions(p, 1000).Count).Order().ToList();
        Assert.Equal(counts, report.SolutionCounts);
        Assert.Equal(counts[0], report.MinSolutions);
        Assert.Equal(counts[^1], report.MaxSolutions);
        Assert.Equal(counts[25], report.MedianSolutions);
        Assert.Equal(counts.Average(), report.MeanSolutions, 12);
        Assert.Equal(problems.Max(p => p.Question.Length), report.MaxPromptLength);
        Assert.Equal(problems.Average(p => p.Question.Length), report.MeanPromptLength, 12);
        var solutions = problems.SelectMany(p => task.AllSolutions(p, 1000)).ToList();
        Assert.Equal(solutions.Average(s => s.Length), report.MeanResponseLength, 12);
        Assert.Equal(solutions.Max(s => s.Length), report.MaxResponseLength);
        Assert.Equal(50, report.Histogram.Sum());
    }

    [Fact]
    public void Histogram_buckets_are_1_2_3to4_5to8_9to16_17plus()
    {
        var report = new TaskStatisticsReport("t", 1, 9, [0, 1, 2, 3, 4, 5, 16, 17, 400], 0, 0, 0, 0);
        Assert.Equal([1, 1, 2, 1, 1, 2], report.Histogram);
        Assert.Equal(7 / 9.0, report.ShareWithSeveral, 12);
        Assert.StartsWith("| t | 1 | 9 | 0 / 4 / ", report.ToMarkdownRow(), StringComparison.Ordinal);
    }

    /// <summary>The exploration premise of the demo: most problems have more than one distinct solution.</summary>
    [Theory]
    [InlineData("countdown", 1, 0.99)]
    [InlineData("countdown", 2, 0.99)]
    [InlineData("countdown", 3, 0.99)]
    [InlineData("arithmetic", 1, 0.25)]
    [InlineData("arithmetic", 2, 0.75)]
    [InlineData("arithmetic", 3, 0.70)]
    public void Most_problems_have_several_distinct_solutions(string name, int difficulty, double minShare)
    {
        var report = TaskStatistics.Measure(TaskRegistry.Get(name), seed: 1, count: difficulty == 3 ? 60 : 200, difficulty);
        Assert.True(report.ShareWithSeveral >= minShare, report.ToMarkdownRow());
        Assert.True(report.MinSolutions >= 1, report.ToMarkdownRow());
    }
}
