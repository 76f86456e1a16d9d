using System.Diagnostics;
using G2rl.Grading;

namespace G2rl.Tests.Grading;

/// <summary>A comparison never hangs or throws: pathological input returns (as "not equal" unless identical) within the budget.</summary>
public sealed class BudgetTests
{
    private static readonly TimeSpan Budget = TimeSpan.FromMilliseconds(300);

    /// <summary>Slack for a loaded CI machine; a hang would take far longer.</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(5);

    public static TheoryData<string, string> Pathological => new()
    {
        { Nest(@"\frac{1}{", 800, "2", "}"), "2" },
        { Nest("(", 3000, "1", ")"), "1" },
        { Nest(@"\sqrt{", 1000, "2", "}"), "1" },
        { @"10^{10^{10^{10}}}", @"10^{10^{10^{10}}}+1" },
        { @"2^{2^{2^{2^{2}}}}", @"2^{65536}" },
        { "100000!", "100000!+1" },
        { @"\binom{100000}{50000}", "1" },
        { "9999999999999999999999^{99999}", "1" },
        { "x^{1000000}", "x^{1000000}+1" },
        { "(" + new string('x', 5000) + ")", "x" },
        { new string('-', 5000) + "5", "-5" },
        { "2" + string.Concat(Enumerable.Repeat("^2", 2500)), "4" },
        { "x" + new string('!', 5000), "y" },
        { string.Join("+", Enumerable.Repeat(@"x^{7}\sin(x)", 700)), "0" },
        { string.Concat(Enumerable.Repeat(@"\pm 1", 12)), "1" },
        { new string('\\', 5000), "x" },
        { @"\text{" + new string('{', 5000), "x" },
        { new string('9', 5000), new string('9', 4999) + "8" },
        { Set(600, reversed: false), Set(600, reversed: true) },
    };

    [Theory]
    [MemberData(nameof(Pathological))]
    public void PathologicalComparisonReturnsWithinBudgetWithoutThrowing(string gold, string candidate)
    {
        var watch = Stopwatch.StartNew();
        var equal = MathEquivalence.AreEquivalent(gold, candidate, Budget);
        var reverse = MathEquivalence.AreEquivalent(candidate, gold, Budget);
        Assert.True(watch.Elapsed < Limit, $"took {watch.Elapsed}");
        Assert.Equal(equal, reverse);
    }

    [Fact]
    public void PathologicalGradeReturnsWithoutThrowing()
    {
        var response = @"\boxed{" + Nest(@"\frac{1}{", 2000, "2", "}") + "}";
        var watch = Stopwatch.StartNew();
        var result = Grader.Grade(response, "2", AnswerKind.Math);
        Assert.True(watch.Elapsed < Limit, $"took {watch.Elapsed}");
        Assert.False(result.Correct);
    }

    [Fact]
    public void IdenticalPathologicalAnswersAreEqualWithoutParsing()
    {
        var deep = Nest(@"\frac{1}{", 2000, "2", "}");
        Assert.True(MathEquivalence.AreEquivalent(deep, deep, Budget));
    }

    [Fact]
    public void ExhaustedBudgetMeansNotEqual()
    {
        var (gold, candidate) = (Set(120, reversed: false), Set(120, reversed: true));
        Assert.True(MathEquivalence.AreEquivalent(gold, candidate, TimeSpan.FromSeconds(30)));
        Assert.False(MathEquivalence.AreEquivalent(gold, candidate, TimeSpan.Zero));
    }

    [Fact]
    public void TypicalComparisonsTakeWellUnderAMillisecond()
    {
        string[][] pairs = [[@"\frac{1}{2}", "0.5"], ["y = 2x+1", "2x - y + 1 = 0"], [@"(-\infty, 2) \cup (3, \infty)", @"(3,\infty)\cup(-\infty,2)"], [@"3\sqrt{2}", @"\sqrt{18}"]];
        foreach (var pair in pairs)
        {
            MathEquivalence.AreEquivalent(pair[0], pair[1]); // warm up (JIT)
        }
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 250; i++)
        {
            foreach (var pair in pairs)
            {
                Assert.True(MathEquivalence.AreEquivalent(pair[0], pair[1]));
            }
        }
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"1000 comparisons took {watch.Elapsed}");
    }

    private static string Nest(string open, int depth, string middle, string close) =>
        string.Concat(Enumerable.Repeat(open, depth)) + middle + string.Concat(Enumerable.Repeat(close, depth));

    private static string Set(int count, bool reversed)
    {
        var items = Enumerable.Range(0, count).Select(i => $@"\sqrt{{{i}}}");
        return @"\{" + string.Join(",", reversed ? items.Reverse() : items) + @"\}";
    }
}
