using System.Diagnostics;
using G2rl.Data;
using G2rl.Grading;
using G2rl.Tasks;

namespace G2rl.Tests.Tasks;

public sealed class ArithmeticVerifierTests
{
    private static readonly ArithmeticVerifier Verifier = new();
    private static readonly Problem P = new("t", "5+3*2=?", "11", AnswerKind.Math, null, "arithmetic");

    [Theory]
    [InlineData("5+6=\\boxed{11}", "11")]
    [InlineData("\\boxed{11}", "11")]
    [InlineData("\\boxed{ 11 }", "11")]
    [InlineData("\\boxed{+11}", "+11")]
    [InlineData("\\boxed{011}", "011")]
    [InlineData("5+6=\\boxed{16} no: \\boxed{11}", "11")]
    [InlineData("\\boxed{11} trailing text", "11")]
    public void The_last_box_holding_the_integer_answer_is_correct(string response, string extracted) =>
        Assert.Equal(new GradeResult(true, extracted), Verifier.Verify(P, response));

    [Theory]
    [InlineData("5+6=\\boxed{12}", "12")]
    [InlineData("\\boxed{11} then \\boxed{12}", "12")]
    [InlineData("\\boxed{-11}", "-11")]
    [InlineData("\\boxed{11.0}", "11.0")]
    [InlineData("\\boxed{5+6}", "5+6")]
    [InlineData("\\boxed{1 1}", "1 1")]
    [InlineData("\\boxed{}", "")]
    [InlineData("\\boxed{99999999999999999999999}", "99999999999999999999999")]
    [InlineData("\\boxed{+}", "+")]
    public void A_wrong_or_non_integer_box_is_incorrect_and_still_extracted(string response, string extracted) =>
        Assert.Equal(new GradeResult(false, extracted), Verifier.Verify(P, response));

    [Theory]
    [InlineData("11")]
    [InlineData("5+6=11")]
    [InlineData("")]
    [InlineData("\\boxed{11")]
    [InlineData("\\boxed{{11}}")]
    [InlineData("\\boxed11")]
    [InlineData("boxed{11}")]
    public void A_response_without_a_well_formed_box_is_incorrect_with_nothing_extracted(string response) =>
        Assert.Equal(new GradeResult(false, null), Verifier.Verify(P, response));

    [Fact]
    public void Huge_inputs_are_graded_fast_without_exceptions()
    {
        var watch = Stopwatch.StartNew();
        Assert.False(Verifier.Verify(P, new string('\\', 2_000_000)).Correct);
        Assert.False(Verifier.Verify(P, string.Concat(Enumerable.Repeat("\\boxed{", 200_000))).Correct);
        Assert.True(Verifier.Verify(P, new string('x', 2_000_000) + "\\boxed{11}").Correct);
        Assert.True(watch.ElapsedMilliseconds < 1000, $"{watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void A_non_integer_gold_answer_is_never_matched()
    {
        var problem = P with { Answer = "x" };
        Assert.False(Verifier.Verify(problem, "\\boxed{x}").Correct);
    }
}
