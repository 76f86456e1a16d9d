using G2rl.Grading;

namespace G2rl.Tests.Grading;

/// <summary>End-to-end grading: extraction followed by comparison with the gold answer.</summary>
public sealed class GraderTests
{
    [Theory]
    [InlineData(@"Thus $\boxed{\dfrac{1}{2}}$.", @"\frac12", true)]
    [InlineData(@"Thus $\boxed{0.5}$.", @"\frac{1}{2}", true)]
    [InlineData(@"Thus $\boxed{2}$.", @"\frac{1}{2}", false)]
    [InlineData(@"\boxed{x = 5}", "5", true)]
    [InlineData(@"\boxed{25}", "025", true)]
    [InlineData(@"\boxed{27}", "27.0", true)]
    [InlineData(@"\boxed{(-2, 3)}", "(3,-2)", false)]
    [InlineData("The final answer is $10\\%$.", "0.1", true)]
    [InlineData("So the answer is five.", "5", true)]
    [InlineData("We get 41 after all.", "41", true)]
    [InlineData(@"\boxed{C}", @"\text{(C)}", true)]
    [InlineData(@"\boxed{Evelyn}", @"\text{Evelyn}", true)]
    public void MathResponseIsGradedAgainstGold(string response, string gold, bool expected)
    {
        var result = Grader.Grade(response, gold, AnswerKind.Math);
        Assert.Equal(expected, result.Correct);
        Assert.NotNull(result.Extracted);
    }

    [Fact]
    public void ResultReportsTheExtractedAnswer()
    {
        Assert.Equal(new GradeResult(true, @"\frac{3}{4}"), Grader.Grade(@"first \boxed{1}. Then after checking it again we get \boxed{\frac{3}{4}}", "0.75", AnswerKind.Math));
    }

    [Fact]
    public void ResponseWithoutAnswerIsIncorrectWithNoExtraction()
    {
        Assert.Equal(new GradeResult(false, null), Grader.Grade("I give up.", "5", AnswerKind.Math));
    }

    [Theory]
    [InlineData("The answer is (C).", "C", true)]
    [InlineData("The answer is (C).", "(C)", true)]
    [InlineData("Answer: B", @"\text{(B)}", true)]
    [InlineData("The answer is (D).", "C", false)]
    public void ChoiceResponseIsGradedByLetter(string response, string gold, bool expected)
    {
        Assert.Equal(expected, Grader.Grade(response, gold, AnswerKind.Choice).Correct);
    }

    [Fact]
    public void NullInputsAreIncorrectRatherThanThrowing()
    {
        Assert.False(Grader.Grade(null!, "5", AnswerKind.Math).Correct);
        Assert.False(Grader.Grade(@"\boxed{5}", null!, AnswerKind.Math).Correct);
        Assert.False(Grader.Grade(@"\boxed{5}", null!, AnswerKind.Choice).Correct);
        Assert.False(MathEquivalence.AreEquivalent(null!, "5"));
    }

    [Theory]
    [InlineData(@"\boxed{\frac{}{}}", "1")]
    [InlineData(@"\boxed{\begin{pmatrix}1&2\\3\end{pmatrix}}", "1")]
    [InlineData(@"\boxed{)(][}", "1")]
    [InlineData(@"\boxed{\sqrt[}", "1")]
    [InlineData(@"\boxed{1/0}", "1/0 + 1")]
    [InlineData(@"\boxed{\log 0}", @"\ln 0")]
    [InlineData(@"\boxed{x^{y^{z^{w}}}}", "1")]
    public void MalformedAnswersAreIncorrectRatherThanThrowing(string response, string gold)
    {
        Assert.False(Grader.Grade(response, gold, AnswerKind.Math).Correct);
    }
}
