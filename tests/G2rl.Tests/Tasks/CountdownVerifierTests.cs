using System.Diagnostics;
using G2rl.Data;
using G2rl.Grading;
using G2rl.Tasks;

namespace G2rl.Tests.Tasks;

public sealed class CountdownVerifierTests
{
    private static readonly CountdownTask Task = new();
    private static readonly Problem P = Task.ToProblem(new CountdownPuzzle([2, 3, 7], 19), 1);

    private static GradeResult Grade(string response) => Task.Verifier.Verify(P, response);

    [Theory]
    [InlineData("7*3-2=19")]
    [InlineData("3*7-2=19")]
    [InlineData("(7*3)-2=19")]
    [InlineData(" 7 * 3 - 2 = 19 \n")]
    [InlineData("(((7*3-2)))=19")]
    public void Correct_expressions_in_any_surface_form_are_accepted(string response) =>
        Assert.True(Grade(response).Correct, response);

    [Theory]
    [InlineData("7*3-2=20")] // states the wrong target
    [InlineData("7*3+2=19")] // evaluates to 23
    [InlineData("7*3=19")]
    [InlineData("7*3-2")] // no '='
    [InlineData("7*3-2=19=19")] // two '='
    [InlineData("=19")]
    [InlineData("7*3-2=")]
    [InlineData("7*3-2=019")]
    [InlineData("7*3-2=19.0")]
    [InlineData("7*7-3*2*5=19")] // 7 used twice
    [InlineData("3*3*2+1=19")] // 3 used twice, 1 not given
    [InlineData("9+9+1=19")] // numbers not given
    [InlineData("21-2=19")] // 21 not given
    [InlineData("07*3-2=19")] // leading zero
    [InlineData("7*3-2.0=19")]
    [InlineData("7×3-2=19")]
    [InlineData("7*3--2=19")]
    [InlineData("-2+3*7=19")] // no unary minus
    [InlineData("7*(3-2=19")]
    [InlineData("7*3)-2=19")]
    [InlineData("()7*3-2=19")]
    [InlineData("7 3-2=19")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("=")]
    [InlineData("hello")]
    [InlineData("<eos>")]
    public void Traps_are_rejected(string response) => Assert.False(Grade(response).Correct, response);

    [Fact]
    public void Inexact_division_is_rejected_even_when_the_exact_value_would_be_right()
    {
        var problem = Task.ToProblem(new CountdownPuzzle([2, 7, 9], 18), 1);
        Assert.False(Task.Verifier.Verify(problem, "7/2*9+2.5=18").Correct);

        // 7/2 = 3.5 and 3.5*4 = 14 = 2*7 would hold over the rationals; integer countdown forbids it.
        var rational = Task.ToProblem(new CountdownPuzzle([2, 4, 7], 14), 1);
        Assert.False(Task.Verifier.Verify(rational, "7/2*4=14").Correct);
        Assert.True(Task.Verifier.Verify(rational, "7*4/2=14").Correct);

        // Truncating division would make 7/2*5 = 3*5 = 15.
        var truncated = Task.ToProblem(new CountdownPuzzle([2, 5, 7], 15), 1);
        Assert.False(Task.Verifier.Verify(truncated, "7/2*5=15").Correct);
        Assert.False(Task.Verifier.Verify(truncated, "(7/2)*(5)=15").Correct);
        Assert.DoesNotContain("7/2*5=15", Task.AllSolutions(truncated, 1000));
    }

    [Fact]
    public void Division_by_zero_is_incorrect_not_an_exception()
    {
        var problem = Task.ToProblem(new CountdownPuzzle([3, 3, 5], 5), 1);
        Assert.False(Task.Verifier.Verify(problem, "5/(3-3)=5").Correct);
        Assert.True(Task.Verifier.Verify(problem, "5+3-3=5").Correct);
    }

    [Fact]
    public void Repeated_given_numbers_may_each_be_used_once()
    {
        var problem = Task.ToProblem(new CountdownPuzzle([3, 3, 5], 14), 1);
        Assert.True(Task.Verifier.Verify(problem, "3*3+5=14").Correct);
        Assert.False(Task.Verifier.Verify(problem, "3*3*3-5-8=14").Correct);
    }

    [Fact]
    public void Not_every_number_has_to_be_used()
    {
        Assert.True(Task.Verifier.Verify(Task.ToProblem(new CountdownPuzzle([2, 3, 7], 21), 1), "7*3=21").Correct);
    }

    [Fact]
    public void Extracted_is_the_trimmed_expression_whenever_there_is_one_equals_sign()
    {
        Assert.Equal(new GradeResult(true, "7*3-2"), Grade(" 7*3-2 =19"));
        Assert.Equal(new GradeResult(false, "7*3+2"), Grade("7*3+2=19"));
        Assert.Equal(new GradeResult(false, null), Grade("7*3-2"));
        Assert.Equal(new GradeResult(false, null), Grade("=19"));
        Assert.Equal(new GradeResult(false, null), Grade("1=2=3"));
    }

    [Fact]
    public void Huge_and_deeply_nested_inputs_are_rejected_fast_without_exceptions()
    {
        string[] inputs =
        [
            new string('(', 1_000_000) + "7*3-2" + new string(')', 1_000_000) + "=19",
            new string('(', 200) + "7*3-2" + new string(')', 200) + "=19",
            new string('(', 100) + "=19",
            new string('7', 100) + "=19",
            "99999999999999999999*3-2=19",
            string.Concat(Enumerable.Repeat("7*", 100)) + "3=19",
            new string('=', 100_000),
        ];
        var watch = Stopwatch.StartNew();
        foreach (var input in inputs)
        {
            Assert.False(Grade(input).Correct);
        }

        Assert.True(watch.ElapsedMilliseconds < 1000, $"{watch.ElapsedMilliseconds} ms");
    }

    [Theory]
    [InlineData("2 3 7>20:", "20", true)]
    [InlineData("2 3 7>20:", "21", false)] // answer disagrees with the question's target
    [InlineData("2 3 7>20", "20", false)]
    [InlineData("2  3 7>20:", "20", false)]
    [InlineData("", "20", false)]
    [InlineData("What is 7*3-1?", "20", false)]
    public void A_problem_whose_question_does_not_parse_or_disagrees_with_its_answer_is_never_solved(string question, string answer, bool correct)
    {
        var problem = new Problem("id", question, answer, AnswerKind.Math, null, "countdown");
        Assert.Equal(correct, Task.Verifier.Verify(problem, "(7+3)*2=" + answer).Correct);
    }
}
