using G2rl.Grading;

namespace G2rl.Tests.Grading;

/// <summary>Extraction of the final answer from a math response.</summary>
public sealed class MathExtractionTests
{
    private static string? Extract(string response) => AnswerExtractor.Extract(response, AnswerKind.Math);

    [Fact]
    public void LastBoxedWinsOverEarlierBoxes()
    {
        Assert.Equal("7", Extract(@"First guess \boxed{3}. On reflection the answer is \boxed{7}."));
    }

    [Theory]
    [InlineData(@"so $\boxed{\frac{1}{2}}$.", @"\frac{1}{2}")]
    [InlineData(@"\boxed{\left( 3, \frac{\pi}{2} \right)}", @"\left( 3, \frac{\pi}{2} \right)")]
    [InlineData(@"\boxed{\{1,2\}}", @"\{1,2\}")]
    [InlineData(@"\boxed{\begin{pmatrix} 1 \\ 2 \end{pmatrix}}", @"\begin{pmatrix} 1 \\ 2 \end{pmatrix}")]
    [InlineData(@"\boxed{\text{(C)}}", @"\text{(C)}")]
    [InlineData(@"\boxed{{{x}}}", @"{{x}}")]
    public void NestedBracesInsideTheBoxAreMatched(string response, string expected)
    {
        Assert.Equal(expected, Extract(response));
    }

    [Fact]
    public void FboxCountsAsABox()
    {
        Assert.Equal("12", Extract(@"We get \fbox{12}."));
    }

    [Fact]
    public void BoxedShorthandWithoutBracesIsRead()
    {
        Assert.Equal("5", Extract(@"Therefore $\boxed 5$."));
    }

    [Fact]
    public void UnclosedLastBoxFallsBackToTheEarlierComplete()
    {
        Assert.Equal("4", Extract(@"\boxed{4} and then \boxed{\frac{1}{2}"));
    }

    [Fact]
    public void EmptyBoxIsSkipped()
    {
        Assert.Equal("9", Extract(@"\boxed{9} \boxed{}"));
    }

    [Fact]
    public void BoxIsPreferredToAnswerPhrase()
    {
        Assert.Equal("2", Extract(@"The answer is 3. Actually \boxed{2}"));
    }

    [Theory]
    [InlineData("The final answer is $42$. I hope it is correct.", "42")]
    [InlineData("The final answer is 17.", "17")]
    [InlineData(@"the answer is \(x = 3\)", "x = 3")]
    [InlineData("So the answer is 3.5 meters.", "3.5")]
    [InlineData("Answer: 12", "12")]
    [InlineData("**Answer:** 2,125\nDone.", "2125")]
    public void PhraseIsUsedWhenThereIsNoBox(string response, string expected)
    {
        Assert.Equal(expected, Extract(response));
    }

    [Fact]
    public void FinalAnswerPhraseIsPreferredToLaterAnswerPhrases()
    {
        Assert.Equal("5", Extract("The final answer is 5. Some say the answer is 6. Answer: 7"));
    }

    [Fact]
    public void AnswerColonIsPreferredToTheAnswerIs()
    {
        // Math-Verify's order: "answer:" (priority 100) before "answer ... X" (200).
        Assert.Equal("7", Extract("Clearly the answer is 6. Answer: 7"));
    }

    [Theory]
    [InlineData("We have 7 apples and 12 pears", "12")]
    [InlineData("so x equals -3.", "-3")]
    [InlineData("the total is 1,234 dollars", "1234")]
    [InlineData("the ratio is 3/4 overall", "3/4")]
    [InlineData("pi is about 3.14159", "3.14159")]
    public void LastNumberIsTheLastResort(string response, string expected)
    {
        Assert.Equal(expected, Extract(response));
    }

    [Theory]
    [InlineData("I do not know.")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(@"\boxed{}")]
    public void ResponseWithoutAnswerExtractsNothing(string response)
    {
        Assert.Null(Extract(response));
    }
}
