using System.Data;
using System.Globalization;
using G2rl.Data;
using G2rl.Grading;
using G2rl.Tasks;

namespace G2rl.Tests.Tasks;

public sealed class ArithmeticTaskTests
{
    private static readonly ArithmeticTask Task = new();

    private static Problem Question(string expression, long answer) =>
        new("t", expression + "=?", answer.ToString(CultureInfo.InvariantCulture), AnswerKind.Math, null, "arithmetic");

    /// <summary>Independent evaluation (System.Data's expression engine) of an integer expression.</summary>
    private static long Evaluate(string expression)
    {
        using var table = new DataTable { Locale = CultureInfo.InvariantCulture };
        return Convert.ToInt64(table.Compute(expression, null), CultureInfo.InvariantCulture);
    }

    private static int Operations(string expression) => expression.Count(c => c is '+' or '-' or '*');

    [Theory]
    [InlineData("5+3*2", new[] { "5+6=\\boxed{11}" })]
    [InlineData("2*3+4*5", new[] { "2*3+20=6+20=\\boxed{26}", "6+4*5=6+20=\\boxed{26}" })]
    [InlineData("7-2-3", new[] { "5-3=\\boxed{2}", "7-5=\\boxed{2}" })]
    [InlineData("4-9+6", new[] { "4-3=\\boxed{1}" })]
    [InlineData("2*(3+4)", new[] { "2*7=\\boxed{14}" })]
    [InlineData("9-(5-2)", new[] { "9-3=\\boxed{6}" })]
    [InlineData("3+4", new[] { "\\boxed{7}" })]
    public void Solutions_are_the_step_orders_that_keep_values_non_negative(string expression, string[] expected) =>
        Assert.Equal(expected, Task.AllSolutions(Question(expression, Evaluate(expression)), 100));

    [Fact]
    public void Questions_are_written_in_normal_form_without_redundant_parentheses()
    {
        Assert.Equal(["2*12=\\boxed{24}", "6*4=\\boxed{24}"], Task.AllSolutions(Question("2*(3*4)", 24), 100));
        Assert.Equal(Task.AllSolutions(Question("5+3-2", 6), 100), Task.AllSolutions(Question("5+(3-2)", 6), 100));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Every_step_of_every_solution_is_one_operation_and_keeps_the_value(int difficulty)
    {
        var rng = new Random(difficulty + 5);
        for (var i = 0; i < 60; i++)
        {
            var problem = Task.Generate(rng, difficulty);
            var expression = problem.Question[..^2];
            var answer = long.Parse(problem.Answer, CultureInfo.InvariantCulture);
            Assert.Equal(answer, Evaluate(expression));
            Assert.InRange(answer, 0, 99);
            Assert.Equal(difficulty == 3, expression.Contains('(', StringComparison.Ordinal));
            Assert.Equal(difficulty switch { 1 => 3, 2 => 4, _ => 5 }, expression.Count(char.IsAsciiDigit));
            foreach (var solution in Task.AllSolutions(problem, 1000))
            {
                Assert.EndsWith("\\boxed{" + problem.Answer + "}", solution, StringComparison.Ordinal);
                var states = solution[..solution.LastIndexOf("\\boxed{", StringComparison.Ordinal)].Split('=', StringSplitOptions.RemoveEmptyEntries);
                var previous = expression;
                foreach (var state in states)
                {
                    Assert.DoesNotContain("--", state, StringComparison.Ordinal);
                    Assert.Equal(answer, Evaluate(state));
                    Assert.Equal(Operations(previous) - 1, Operations(state));
                    previous = state;
                }

                Assert.Equal(1, Operations(previous));
            }
        }
    }

    [Fact]
    public void SolutionKey_accepts_any_correct_text_and_drops_spaces()
    {
        var problem = Question("5+3*2", 11);
        Assert.Equal("\\boxed{11}", Task.SolutionKey(problem, "\\boxed{ 11 }"));
        Assert.Equal("5+6=\\boxed{11}", Task.SolutionKey(problem, "5 + 6 = \\boxed{11}"));
        Assert.Null(Task.SolutionKey(problem, "5+6=\\boxed{12}"));
    }
}
