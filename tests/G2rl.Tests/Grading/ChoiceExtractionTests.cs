using G2rl.Grading;

namespace G2rl.Tests.Grading;

/// <summary>Extraction of the chosen letter from a multiple-choice response.</summary>
public sealed class ChoiceExtractionTests
{
    [Theory]
    [InlineData("I think it is (C)", "C")]
    [InlineData("Answer: C", "C")]
    [InlineData(@"\boxed{C}", "C")]
    [InlineData(@"\boxed{\text{(B)}}", "B")]
    [InlineData("the answer is C", "C")]
    [InlineData("The answer is (C).", "C")]
    [InlineData("The answer is (c).", "C")]
    [InlineData("**Answer:** D", "D")]
    [InlineData(@"The answer is $\boxed{E}$", "E")]
    [InlineData("Answer: J", "J")]
    [InlineData("A", "A")]
    [InlineData("(H)", "H")]
    [InlineData("The answer is [A].", "A")]
    [InlineData("based on the closest values, the answer is:\n\n$$\\text{A}$$", "A")]
    [InlineData("The most likely diagnosis is option D.", "D")]
    [InlineData("The best statement is: D. The use of rats overestimates quality.", "D")]
    public void ChosenLetterIsExtracted(string response, string expected)
    {
        Assert.Equal(expected, AnswerExtractor.Extract(response, AnswerKind.Choice));
    }

    [Fact]
    public void LastBoxWins()
    {
        Assert.Equal("D", AnswerExtractor.Extract(@"Not \boxed{A}; it is \boxed{D}", AnswerKind.Choice));
    }

    [Fact]
    public void AnswerPhraseIsPreferredToParenthesizedLettersInTheReasoning()
    {
        Assert.Equal("B", AnswerExtractor.Extract("Option (A) fails and (C) fails. The answer is B.", AnswerKind.Choice));
    }

    [Theory]
    [InlineData("The answer is (K).")]
    [InlineData("The answer is a prime number.")]
    [InlineData("No idea")]
    public void LetterOutsideAToJOrNoLetterExtractsNothing(string response)
    {
        Assert.Null(AnswerExtractor.Extract(response, AnswerKind.Choice));
    }
}
