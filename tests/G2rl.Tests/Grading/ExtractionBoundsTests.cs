using System.Diagnostics;
using G2rl.Grading;

namespace G2rl.Tests.Grading;

/// <summary>
/// Extraction is bounded (linear scans, a capped number of parses, its own budget), outside the comparison
/// budget: huge or hostile responses grade without throwing and far within the generous limit below.
/// </summary>
public sealed class ExtractionBoundsTests
{
    /// <summary>Slack for a loaded CI machine; before the linear box scan the first case took 77 s.</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    private const int Megabyte = 1 << 20;

    public static TheoryData<string> HugeResponses => new()
    {
        Repeat(@"\boxed{"),
        Repeat(@"\fbox{"),
        Repeat("11 "),
        Repeat("1+"),
        Repeat(@"\("),
        Repeat("$"),
        Repeat(@"\["),
        Repeat(" ["),
        Repeat("$1$ and "),
        Repeat("final answer is "),
        Repeat("Answer: = "),
        Repeat(@"\boxed{1}, \boxed{2}, "),
        Repeat(@"\\boxed{\\frac{"),
        new string('{', 10_000) + "5" + new string('}', 10_000),
        @"\boxed{" + new string('{', 10_000) + "5" + new string('}', 10_000) + "}",
    };

    [Theory]
    [MemberData(nameof(HugeResponses))]
    public void HugeResponseGradesWithinTheLimit(string response)
    {
        var watch = Stopwatch.StartNew();
        var result = Grader.Grade(response, "5", AnswerKind.Math);
        Assert.True(watch.Elapsed < Limit, $"took {watch.Elapsed}");
        Assert.NotNull(result);
    }

    [Fact]
    public void ABoxAfterAMegabyteOfUnclosedBoxesIsStillFound()
    {
        var response = Repeat(@"\boxed{") + @" so \boxed{42}";
        Assert.Equal("42", AnswerExtractor.Extract(response, AnswerKind.Math));
    }

    [Theory]
    [InlineData(@"(10^9)!", @"(10^9)!+1")]
    [InlineData(@"10^{10^{10^{10}}}", "5")]
    [InlineData(@"\boxed{(10^9)!}", "(10^9)!")]
    public void HugeValuesAnswerWithinTheBudget(string response, string gold)
    {
        var watch = Stopwatch.StartNew();
        Grader.Grade(response, gold, AnswerKind.Math);
        Grader.Grade(gold, response, AnswerKind.Math);
        Assert.True(watch.Elapsed < Limit, $"took {watch.Elapsed}");
    }

    [Fact]
    public void TenThousandNestedBracesCompareWithinTheBudget()
    {
        var nested = new string('{', 10_000) + "5" + new string('}', 10_000);
        var watch = Stopwatch.StartNew();
        Assert.False(MathEquivalence.AreEquivalent(nested, "6"));
        Assert.True(watch.Elapsed < Limit, $"took {watch.Elapsed}");
    }

    private static string Repeat(string unit) => string.Concat(Enumerable.Repeat(unit, Megabyte / unit.Length));
}
