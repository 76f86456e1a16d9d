using G2rl.Grading;

namespace G2rl.Tests.Grading;

/// <summary>Equivalence is used to group answers for majority voting, so it must be symmetric and reflexive.</summary>
public sealed class SymmetryTests
{
    private static readonly string[] Sample =
    [
        "5", "x = 5", "5.0", "005", @"\frac{1}{2}", "0.5", @"50\%", "1/2", "2", @"\sqrt{2}", @"\sqrt{4}", "(1,2)", "(2,1)",
        "[1,2]", @"\{1,2\}", "1, 2", @"\pm 1", "-1, 1", @"\text{(B)}", "B", @"\text{Evelyn}", "x+1", "1+x", "x-1",
        "y = 2x+1", "2x - y + 1 = 0", "x > 3", @"(3, \infty)", @"\infty", "6-5i", @"2\pi", @"\begin{pmatrix} 1 \\ 2 \end{pmatrix}",
        "204_5", "204", "54", @"0.\overline{3}", "0.33333", @"\frac{1}{3}",
    ];

    public static TheoryData<string> Answers => new(Sample);

    [Theory]
    [MemberData(nameof(Answers))]
    public void EquivalenceIsSymmetricAgainstEveryOtherSampleAnswer(string answer)
    {
        foreach (var other in Sample)
        {
            Assert.True(
                MathEquivalence.AreEquivalent(answer, other) == MathEquivalence.AreEquivalent(other, answer),
                $"asymmetric: {answer} vs {other}");
        }
    }

    [Theory]
    [MemberData(nameof(Answers))]
    public void AnswerIsEquivalentToItselfInBraces(string answer)
    {
        // The braces defeat the identical-string shortcut, so this goes through the parser and comparer.
        Assert.True(MathEquivalence.AreEquivalent(answer, "{" + answer + "}"));
    }
}
