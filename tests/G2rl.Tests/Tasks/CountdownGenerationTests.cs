using G2rl.Tasks;

namespace G2rl.Tests.Tasks;

public sealed class CountdownGenerationTests
{
    private static readonly CountdownTask Task = new();

    [Theory]
    [InlineData(1, 4, 9, 10, 50, 100)]
    [InlineData(2, 4, 12, 10, 99, 100)]
    [InlineData(3, 5, 9, 100, 299, 4)]
    public void Every_problem_is_solvable_by_independent_brute_force_within_its_level(
        int difficulty, int count, int maxNumber, int minTarget, int maxTarget, int problems)
    {
        var rng = new Random(difficulty);
        for (var i = 0; i < problems; i++)
        {
            var problem = Task.Generate(rng, difficulty);
            var puzzle = CountdownPuzzle.Parse(problem.Question);
            Assert.Equal(count, puzzle.Numbers.Count);
            Assert.Equal(puzzle.Numbers.Order(), puzzle.Numbers);
            Assert.Equal(count, puzzle.Numbers.Distinct().Count());
            Assert.All(puzzle.Numbers, n => Assert.InRange(n, 2, maxNumber));
            Assert.InRange(puzzle.Target, minTarget, maxTarget);
            Assert.True(puzzle.Target > puzzle.Numbers.Max(), "one number alone must not solve it");
            Assert.Equal(puzzle.Target.ToString(System.Globalization.CultureInfo.InvariantCulture), problem.Answer);
            Assert.Contains((long)puzzle.Target, CountdownBruteForce.Values(puzzle.Numbers));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Targets_with_several_distinct_solutions_are_preferred(int difficulty)
    {
        var rng = new Random(difficulty + 20);
        for (var i = 0; i < 30; i++)
        {
            var problem = Task.Generate(rng, difficulty);
            Assert.True(Task.AllSolutions(problem, 100).Count >= 2, problem.Question);
        }
    }

    [Theory]
    [InlineData(2, 3, 7)]
    [InlineData(2, 5, 9)]
    [InlineData(3, 4, 6, 8)]
    [InlineData(2, 3, 5, 7)]
    [InlineData(2, 4, 5, 8, 9)]
    [InlineData(6, 6, 2)]
    public void Solver_reaches_the_same_non_negative_values_as_brute_force(params int[] numbers)
    {
        var brute = CountdownBruteForce.Values(numbers).Where(v => v >= 0).Order().ToList();
        var solver = CountdownTaskProbe.Reachable(numbers);
        Assert.Equal(brute, solver);
    }

    [Fact]
    public void Question_format_round_trips_and_rejects_malformed_text()
    {
        var puzzle = new CountdownPuzzle([2, 3, 7], 19);
        Assert.Equal("2 3 7>19:", puzzle.ToQuestion());
        Assert.True(CountdownPuzzle.TryParse("2 3 7>19:", out var back));
        Assert.Equal([2, 3, 7], back.Numbers);
        Assert.Equal(19, back.Target);
        foreach (var bad in new[] { "", "2 3 7>19", "2 3 7:", ">19:", "2 3 7>0:", "2 03 7>19:", "2 -3 7>19:", "2 3 7>19:x", "a b>1:", "1 2 3 4 5 6 7 8 9>10:" })
        {
            Assert.False(CountdownPuzzle.TryParse(bad, out _), bad);
        }

        Assert.Throws<ArgumentException>(() => CountdownPuzzle.Parse("2 3 7"));
    }
}
