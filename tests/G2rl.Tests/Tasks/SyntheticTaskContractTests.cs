using G2rl.Tasks;

namespace G2rl.Tests.Tasks;

/// <summary>Behaviour every synthetic task promises, checked for each task and difficulty.</summary>
public sealed class SyntheticTaskContractTests
{
    private const int Draws = 40;

    [Theory]
    [MemberData(nameof(SyntheticTaskCases.All), MemberType = typeof(SyntheticTaskCases))]
    public void Generation_is_deterministic_for_a_seed_and_differs_across_seeds(string name, int difficulty)
    {
        var task = TaskRegistry.Get(name);
        string[] Questions(int seed)
        {
            var rng = new Random(seed);
            return Enumerable.Range(0, Draws).Select(_ => task.Generate(rng, difficulty).Question).ToArray();
        }

        Assert.Equal(Questions(7), Questions(7));
        Assert.NotEqual(Questions(7), Questions(8));
        Assert.True(Questions(7).Distinct().Count() > Draws / 2, "a seed should give mostly different problems");
    }

    [Theory]
    [MemberData(nameof(SyntheticTaskCases.All), MemberType = typeof(SyntheticTaskCases))]
    public void Every_enumerated_solution_and_every_Solve_output_is_verified_correct(string name, int difficulty)
    {
        var task = TaskRegistry.Get(name);
        var rng = new Random(difficulty * 100 + 1);
        for (var i = 0; i < Draws; i++)
        {
            var problem = task.Generate(rng, difficulty);
            var all = task.AllSolutions(problem, 10_000);
            Assert.NotEmpty(all);
            Assert.Equal(all.Count, all.Distinct(StringComparer.Ordinal).Count());
            Assert.Equal(all.Order(StringComparer.Ordinal), all);
            foreach (var solution in all)
            {
                var grade = task.Verifier.Verify(problem, solution);
                Assert.True(grade.Correct, $"{problem.Question} {solution}");
                Assert.NotNull(grade.Extracted);
                Assert.Equal(solution, task.SolutionKey(problem, solution));
            }

            var solved = task.Solve(problem, rng);
            Assert.Contains(solved, all);
            Assert.True(task.Verifier.Verify(problem, solved).Correct);
        }
    }

    [Theory]
    [MemberData(nameof(SyntheticTaskCases.All), MemberType = typeof(SyntheticTaskCases))]
    public void Problems_carry_task_metadata_and_fit_the_demo_length_budget(string name, int difficulty)
    {
        var task = TaskRegistry.Get(name);
        var rng = new Random(3);
        for (var i = 0; i < Draws; i++)
        {
            var problem = task.Generate(rng, difficulty);
            Assert.Equal(name, problem.Source);
            Assert.Equal(name, problem.Subject);
            Assert.Equal(difficulty, problem.Level);
            Assert.Equal(G2rl.Grading.AnswerKind.Math, problem.Kind);
            Assert.Null(problem.Choices);
            Assert.StartsWith(name + "-", problem.Id, StringComparison.Ordinal);
            Assert.InRange(problem.Question.Length, 1, 30);
            Assert.All(task.AllSolutions(problem, 10_000), s => Assert.InRange(s.Length, 1, 40));
        }
    }

    [Theory]
    [MemberData(nameof(SyntheticTaskCases.Names), MemberType = typeof(SyntheticTaskCases))]
    public void Alphabet_is_small_without_repeats_and_covers_every_prompt_and_solution(string name)
    {
        var task = TaskRegistry.Get(name);
        Assert.Equal(task.Alphabet.Count, task.Alphabet.Distinct().Count());
        Assert.InRange(task.Alphabet.Count, 10, 40);
        var alphabet = task.Alphabet.ToHashSet();
        var used = new HashSet<char>();
        for (var difficulty = 1; difficulty <= task.MaxDifficulty; difficulty++)
        {
            var rng = new Random(difficulty);
            for (var i = 0; i < 200; i++)
            {
                var problem = task.Generate(rng, difficulty);
                foreach (var text in task.AllSolutions(problem, 10_000).Append(problem.Question))
                {
                    used.UnionWith(text);
                    Assert.True(text.All(alphabet.Contains), $"'{text}' has a character outside the alphabet");
                }
            }
        }

        // The alphabet has nothing the task never writes, apart from characters only some levels use.
        Assert.True(used.Count >= alphabet.Count - 2, $"unused: {string.Join("", alphabet.Except(used))}");
    }

    [Theory]
    [MemberData(nameof(SyntheticTaskCases.Names), MemberType = typeof(SyntheticTaskCases))]
    public void Difficulty_outside_the_levels_is_rejected(string name)
    {
        var task = TaskRegistry.Get(name);
        Assert.Throws<ArgumentOutOfRangeException>(() => task.Generate(new Random(0), 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => task.Generate(new Random(0), task.MaxDifficulty + 1));
    }

    [Theory]
    [MemberData(nameof(SyntheticTaskCases.Names), MemberType = typeof(SyntheticTaskCases))]
    public void Solve_draws_every_solution_of_a_problem_over_many_calls(string name)
    {
        var task = TaskRegistry.Get(name);
        var rng = new Random(11);
        var problem = Enumerable.Range(0, 100).Select(_ => task.Generate(rng, 2)).First(p => task.AllSolutions(p, 100).Count >= 3);
        var all = task.AllSolutions(problem, 100);
        var drawn = Enumerable.Range(0, 60 * all.Count).Select(_ => task.Solve(problem, rng)).GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(all.Order(StringComparer.Ordinal), drawn.Keys.Order(StringComparer.Ordinal));

        // Uniform: each of k solutions drawn about 60 times out of 60k; a count below 25 is > 5 sigma off.
        Assert.All(drawn.Values, c => Assert.InRange(c, 25, 110));
    }

    [Theory]
    [MemberData(nameof(SyntheticTaskCases.Names), MemberType = typeof(SyntheticTaskCases))]
    public void A_foreign_question_makes_AllSolutions_throw_but_the_verifier_only_fail(string name)
    {
        var task = TaskRegistry.Get(name);
        var foreign = new G2rl.Data.Problem("x", "What is 2+2?", "4", G2rl.Grading.AnswerKind.Math, null, "other");
        Assert.Throws<ArgumentException>(() => task.AllSolutions(foreign, 10));
        Assert.False(task.Verifier.Verify(foreign, "2+2=4").Correct);
        Assert.Null(task.SolutionKey(foreign, "2+2=4"));
    }
}
