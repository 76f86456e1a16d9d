using G2rl.Data;
using G2rl.Tasks;

namespace G2rl.Tests.Tasks;

public sealed class CountdownSolutionTests
{
    private static readonly CountdownTask Task = new();

    private static Problem Puzzle(int target, params int[] numbers) => Task.ToProblem(new CountdownPuzzle(numbers, target), 1);

    [Fact]
    public void Solutions_are_counted_up_to_commutativity_associativity_and_sign_moves()
    {
        Assert.Equal(["(6+3)*2=18", "6*3=18"], Task.AllSolutions(Puzzle(18, 2, 3, 6), 100));
        Assert.Equal(["7*(4-2)=14", "7*2=14", "7*4/2=14"], Task.AllSolutions(Puzzle(14, 2, 4, 7), 100));
    }

    [Theory]
    [InlineData("2*(3+6)=18", "(6+3)*2=18")]
    [InlineData("(3+6)*2=18", "(6+3)*2=18")]
    [InlineData(" 2 * ( 6 + 3 ) = 18 ", "(6+3)*2=18")]
    [InlineData("((6+3))*2=18", "(6+3)*2=18")]
    [InlineData("3*6=18", "6*3=18")]
    [InlineData("3*(8-2)=18", "(8-2)*3=18")]
    [InlineData("3*8-6=18", "8*3-6=18")]
    [InlineData("2*(3-6)*(0+3)=18", null)]
    [InlineData("(3-6)*(2-8)=18", "(8-2)*(6-3)=18")]
    [InlineData("2-(3-6)*...=18", null)]
    public void SolutionKey_maps_surface_variants_to_the_canonical_solution(string response, string? key)
    {
        var problem = Task.ToProblem(new CountdownPuzzle([2, 3, 6, 8], 18), 2);
        Assert.Equal(key, Task.SolutionKey(problem, response));
        Assert.Equal(key is not null, Task.Verifier.Verify(problem, response).Correct);
    }

    [Theory]
    [InlineData("4-8*(3-11)=68")]
    [InlineData("4-(3-11)*8=68")]
    [InlineData("(11-3)*8+4=68")]
    [InlineData("8*(11-3)+4=68")]
    [InlineData("4+8*(11-3)=68")]
    public void Negative_intermediate_values_are_correct_and_keyed_as_their_sign_normal_form(string response)
    {
        var problem = Task.ToProblem(new CountdownPuzzle([3, 4, 8, 11], 68), 3);
        Assert.True(Task.Verifier.Verify(problem, response).Correct);
        Assert.Equal("(11-3)*8+4=68", Task.SolutionKey(problem, response));
        Assert.Contains("(11-3)*8+4=68", Task.AllSolutions(problem, 1000));
    }

    /// <summary>
    /// The strongest check: every fully parenthesised expression over every sub-multiset (independent brute force),
    /// graded by the verifier, keyed by SolutionKey; the keys of the correct ones must be exactly AllSolutions.
    /// </summary>
    [Theory]
    [InlineData(1, 6)]
    [InlineData(2, 3)]
    public void AllSolutions_equals_the_keys_of_all_brute_force_expressions_that_verify(int difficulty, int problems)
    {
        var rng = new Random(difficulty + 40);
        for (var i = 0; i < problems; i++)
        {
            var problem = Task.Generate(rng, difficulty);
            var puzzle = CountdownPuzzle.Parse(problem.Question);
            var keys = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var expression in CountdownBruteForce.Expressions(puzzle.Numbers))
            {
                var response = expression + "=" + problem.Answer;
                var key = Task.SolutionKey(problem, response);
                Assert.Equal(key is not null, Task.Verifier.Verify(problem, response).Correct);
                if (key is not null)
                {
                    keys.Add(key);
                }
            }

            Assert.Equal(keys, Task.AllSolutions(problem, 100_000));
        }
    }

    [Fact]
    public void Max_limits_AllSolutions_to_the_first_in_ordinal_order()
    {
        var problem = Puzzle(18, 2, 3, 6);
        Assert.Equal(["(6+3)*2=18"], Task.AllSolutions(problem, 1));
        Assert.Empty(Task.AllSolutions(problem, 0));
    }

    [Fact]
    public void An_unreachable_target_has_no_solutions_and_Solve_says_so()
    {
        var problem = Puzzle(97, 2, 3, 4);
        Assert.Empty(Task.AllSolutions(problem, 100));
        Assert.Throws<ArgumentException>(() => ((ISyntheticTask)Task).Solve(problem, new Random(0)));
    }
}
