using G2rl.Grading;

namespace G2rl.Tests.Grading;

/// <summary>Extraction in Math-Verify's order of preference (docs/grading.md, "Extraction order"); cases written for g2rl.</summary>
public sealed class MathVerifyExtractionTests
{
    private static string? Extract(string response) => AnswerExtractor.Extract(response, AnswerKind.Math);

    [Theory]
    [InlineData(@"The roots are \boxed{2}, \boxed{3}.", "2, 3")]
    [InlineData(@"\boxed{(1, 4)} \quad \text{and} \quad \boxed{(4, 1)}", "(1, 4), (4, 1)")]
    [InlineData(@"\boxed{7}\boxed{8}", "7, 8")]
    [InlineData(@"\boxed{5} cats and \boxed{6} dogs", "5, 6")]
    [InlineData(@"\boxed{4} and again \boxed{4}", "4")]
    public void NeighbouringBoxesJoinAsAList(string response, string expected)
    {
        Assert.Equal(expected, Extract(response));
    }

    [Theory]
    [InlineData(@"\boxed{1} nope nope nope nope \boxed{2}", "2")]
    [InlineData(@"Try \boxed{3}. After a long second look at the whole problem the result is \boxed{9}", "9")]
    public void BoxesSeparatedByProseDoNotJoin(string response, string expected)
    {
        Assert.Equal(expected, Extract(response));
    }

    [Fact]
    public void UnclosedBoxFallsBackToTheMathAfterIt()
    {
        Assert.Equal("12", Extract(@"We have \boxed{ and the result is $12$"));
    }

    [Theory]
    [InlineData("The final answer is $4$. I hope it is correct. Check: $5$", "4")]
    [InlineData("Final Answer: the number of apples in $B$ is 12", "12")]
    [InlineData("Answer: $3$ (we also saw $9$ before)", "3")]
    public void AnnouncedAnswersBeatALaterMathSpan(string response, string expected)
    {
        Assert.Equal(expected, Extract(response));
    }

    [Theory]
    [InlineData("so we get $y = 4$, hence $x = 7$ here", "x = 7")]
    [InlineData(@"hence \( \frac{2}{9} \) is the value", @"\frac{2}{9}")]
    [InlineData("hence \\[\n a + b \n\\] follows", "a + b")]
    [InlineData("we obtain $$\n 16 \n$$ as required", "16")]
    [InlineData(@"which gives \frac{7}{8} overall", @"\frac{7}{8}")]
    [InlineData(@"the share is $40$ percent", @"40\%")]
    [InlineData("solutions $1$, $2$ and $5$", "1, 2, 5")]
    public void LastMathSpanIsTheAnswerWithoutABox(string response, string expected)
    {
        Assert.Equal(expected, Extract(response));
    }

    [Fact]
    public void InlineDollarMathDoesNotSpanLines()
    {
        Assert.Equal("6", Extract("cost $\n6"));
    }

    [Theory]
    [InlineData("it costs $1,000.99 in total", "1000.99")]
    [InlineData("the value is .25", "0.25")]
    [InlineData("about 2 500 people", "2500")]
    [InlineData("Soit 3,75 litres", "3.75")]
    [InlineData("ratio 10/4 overall", "10/4")]
    [InlineData("so 35% of them", @"35\%")]
    public void PlainNumbersAreNormalised(string response, string expected)
    {
        Assert.Equal(expected, Extract(response));
    }

    [Theory]
    [InlineData("QX7B")]
    [InlineData("version2")]
    public void DigitsGluedToWordsAreNoAnswer(string response)
    {
        Assert.Null(Extract(response));
    }

    [Theory]
    [InlineData("x^2+7x+10", "x^2+7x+10")]
    [InlineData(@"\sqrt{2}/2", @"\sqrt{2}/2")]
    public void ABareExpressionIsItsOwnAnswer(string response, string expected)
    {
        Assert.Equal(expected, Extract(response));
    }

    [Fact]
    public void DoubledBackslashesBeforeCommandsAreUndone()
    {
        Assert.Equal(@"\frac{1}{4}", Extract(@"so $\\boxed{\\frac{1}{4}}$"));
    }

    [Theory]
    [InlineData(@"First note that $a = 2$. Therefore the total is $\boxed{14}$.", "14", true)]
    [InlineData(@"We know $2 + 2 = 4$, hence the answer is $4$.", "4", true)]
    [InlineData(@"Thus \[ \boxed{(1, 2)} \]", "(1,2)", true)]
    [InlineData(@"First note that $a = 2$. Therefore the total is $\boxed{14}$.", "15", false)]
    public void GoldWrittenAsASolutionGoesThroughTheSameExtraction(string gold, string response, bool expected)
    {
        Assert.Equal(expected, Grader.Grade(@"\boxed{" + response + "}", gold, AnswerKind.Math).Correct);
    }

    [Theory]
    [InlineData("7,425,000", "7425000")]
    [InlineData("1,22", "1.22")]
    [InlineData("1,22", @"\boxed{1, 22}")]
    public void BareGoldNumbersReadAsMathVerifyReadsThem(string gold, string response)
    {
        Assert.True(Grader.Grade(response, gold, AnswerKind.Math).Correct, $"{gold} vs {response}");
    }
}
