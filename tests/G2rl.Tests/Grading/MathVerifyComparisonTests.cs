using G2rl.Grading;

namespace G2rl.Tests.Grading;

/// <summary>Comparisons Math-Verify makes (docs/grading.md, behaviour table); cases written for g2rl.</summary>
public sealed class MathVerifyComparisonTests
{
    private static bool Grade(string response, string gold) => Grader.Grade(response, gold, AnswerKind.Math).Correct;

    [Theory]
    [InlineData(@"\boxed{4}, \boxed{5}, \boxed{6}", @"\{6, 5, 4\}")]
    [InlineData(@"\boxed{(1, 3)} \text{ and } \boxed{(3, 1)}", "(3,1), (1,3)")]
    [InlineData(@"$\boxed{2,9}$", @"\boxed{9} \text{ and } \boxed{2}")]
    [InlineData(@"$[2, 8)$", "[2,8)")]
    [InlineData(@"$t \in (-1, 4]$", "-1 < t \\le 4")]
    [InlineData(@"$(-3, 5)$", "-3 < g(t) < 5")]
    [InlineData(@"$\begin{bmatrix} 2 & 0 \\ 1 & 3 \end{bmatrix}$", @"\begin{pmatrix} 2 & 0 \\ 1 & 3 \end{pmatrix}")]
    [InlineData(@"$t \in [-3, -2] \cup [2, 3]$", @"2 \le |t| \le 3")]
    [InlineData(@"$(-5, 5)$", @"|t| < 5")]
    [InlineData(@"$(-\infty, -1) \cup (1, \infty)$", @"|t| > 1")]
    public void CollectionsIntervalsAndMatrices(string response, string gold)
    {
        Assert.True(Grade(response, gold), $"{gold} vs {response}");
    }

    [Theory]
    [InlineData(@"$\begin{pmatrix} 1 & 1 \\ 0 & 2 \end{pmatrix} + \begin{pmatrix} 3 & 0 \\ 1 & 1 \end{pmatrix}$", @"\begin{pmatrix} 4 & 1 \\ 1 & 3 \end{pmatrix}")]
    [InlineData(@"$\begin{pmatrix} 1 & 2 \\ 0 & 1 \end{pmatrix} \begin{pmatrix} 1 & 0 \\ 3 & 1 \end{pmatrix}$", @"\begin{pmatrix} 7 & 2 \\ 3 & 1 \end{pmatrix}")]
    [InlineData(@"$2\begin{pmatrix} 1 & 0 \\ 0 & 1 \end{pmatrix} - \begin{pmatrix} 1 & 0 \\ 0 & 1 \end{pmatrix}$", @"\begin{pmatrix} 1 & 0 \\ 0 & 1 \end{pmatrix}")]
    public void MatrixArithmeticIsEvaluated(string response, string gold)
    {
        Assert.True(Grade(response, gold), $"{gold} vs {response}");
    }

    [Theory]
    [InlineData(@"$\begin{pmatrix} 1 & 0 \\ 3 & 1 \end{pmatrix} \begin{pmatrix} 1 & 2 \\ 0 & 1 \end{pmatrix}$", @"\begin{pmatrix} 7 & 2 \\ 3 & 1 \end{pmatrix}")]
    [InlineData(@"$\begin{pmatrix} 1 & 2 \end{pmatrix} + \begin{pmatrix} 1 \\ 2 \end{pmatrix}$", @"\begin{pmatrix} 2 & 4 \end{pmatrix}")]
    public void MatrixArithmeticRespectsOrderAndShape(string response, string gold)
    {
        Assert.False(Grade(response, gold), $"{gold} vs {response}");
    }

    [Theory]
    [InlineData(@"$[2, 8]$", "[2,8)")]
    [InlineData(@"$(1, 2)$", "(2, 1)")]
    [InlineData(@"\boxed{4}, \boxed{5}", @"\{4, 5, 6\}")]
    [InlineData(@"$\begin{pmatrix} 2 & 1 \\ 0 & 3 \end{pmatrix}$", @"\begin{pmatrix} 2 & 0 \\ 1 & 3 \end{pmatrix}")]
    [InlineData(@"$[2, 3]$", @"2 \le |t| \le 3")]
    [InlineData(@"$[-3, -2) \cup (2, 3]$", @"2 \le |t| \le 3")]
    public void DifferentCollectionsDiffer(string response, string gold)
    {
        Assert.False(Grade(response, gold), $"{gold} vs {response}");
    }

    [Theory]
    [InlineData(@"$y \geq 2$", "$y >= 2$")]
    [InlineData(@"$2 \leq y$", @"$y \ge 2$")]
    [InlineData("$-y > -4$", "$y < 4$")]
    [InlineData(@"$y \neq 7$", "$y != 7$")]
    [InlineData(@"$a \lt 1$", "$a < 1$")]
    public void RelationsWithDirectionNormalised(string response, string gold)
    {
        Assert.True(Grade(response, gold), $"{gold} vs {response}");
    }

    [Theory]
    [InlineData("$-3a-2b+5c-10=0$", "$3a+2b-5c+10=0$")]
    [InlineData("$y=-2x+3$", "$4x+2y-6=0$")]
    [InlineData("$x^2/9 + y^2/4 = 1$", "$4x^2 + 9y^2 = 36$")]
    public void EquationsMovedAndScaled(string response, string gold)
    {
        Assert.True(Grade(response, gold), $"{gold} vs {response}");
    }

    [Theory]
    [InlineData("$y=-2x+4$", "$4x+2y-6=0$")]
    [InlineData("$y > 2$", "$y < 2$")]
    public void DifferentRelationsDiffer(string response, string gold)
    {
        Assert.False(Grade(response, gold), $"{gold} vs {response}");
    }

    [Theory]
    [InlineData("$$3$$", "$$|PQ|=3$$")]
    [InlineData("$$3$$", "$$g(t)=3$$")]
    [InlineData("$5:9$", "$A_1:A_2=5:9$")]
    [InlineData(@"$\boxed{2, 7}$", "$p=2,q=7$")]
    [InlineData("$y = 2 + 2 = 3 = 5$", "$y = 5$")]
    [InlineData("$(1,4),(3,4)$", "$a=1,b=4;a=3,b=4$")]
    [InlineData("$(3,4),(1,4)$", "$a=1,b=4;a=3,b=4$")]
    [InlineData(@"$t=1/4\approx0.3$", "$1/4$")]
    public void AssignmentsAgainstValues(string response, string gold)
    {
        Assert.True(Grade(response, gold), $"{gold} vs {response}");
    }

    [Theory]
    [InlineData("$x = 3 = 4$", "4")]
    [InlineData("$2x = 10$", "5")]
    [InlineData("$(1,4),(3,5)$", "$a=1,b=4;a=3,b=4$")]
    [InlineData("$(1,4),(3,4)$", "$a=1,b=4;b=3,a=4$")]
    public void EquationsAreNotValues(string response, string gold)
    {
        Assert.False(Grade(response, gold), $"{gold} vs {response}");
    }

    [Theory]
    [InlineData("$F$", @"$\text{F}$")]
    [InlineData("$even$", @"$\text{even}$")]
    [InlineData(@"\boxed{22,\! 333,\! 100}", "22333100")]
    [InlineData(@"\boxed{5{,}120}", "5120")]
    [InlineData(@"$\boxed{25 pct}$", @"$25\%$")]
    [InlineData(@"\boxed{3\sqrt{3}}", @"3\sqrt3")]
    [InlineData(@"\boxed{\tfrac{5}{4}}", "5/4")]
    [InlineData(@"\boxed{\cfrac{5}{4}}", @"\frac54")]
    public void TextSeparatorsPercentagesAndSpellings(string response, string gold)
    {
        Assert.True(Grade(response, gold), $"{gold} vs {response}");
    }

    [Theory]
    [InlineData(@"$\csc^2(t)$", @"$1+\cot^2(t)$")]
    [InlineData(@"$\frac{a}{5}-\frac{3}{5}$", @"$\frac{a-3}{5}$")]
    [InlineData(@"$\frac{\sqrt{2+\sqrt{3}}}{7+3\sqrt{5}}$", @"$\frac{\sqrt{\sqrt{3}+2}}{3\sqrt{5}+7}$")]
    [InlineData(@"$0.142857$", @"$\frac{1}{7}$")]
    public void SymbolicIdentitiesAndRounding(string response, string gold)
    {
        Assert.True(Grade(response, gold), $"{gold} vs {response}");
    }

    [Theory]
    [InlineData(@"$\sin^2(t)$", @"$1+\cot^2(t)$")]
    [InlineData("$0.14$", @"$\frac{1}{7}$")]
    [InlineData("$f(s)$", "$f(t)$")]
    public void NearMissesDiffer(string response, string gold)
    {
        Assert.False(Grade(response, gold), $"{gold} vs {response}");
    }
}
