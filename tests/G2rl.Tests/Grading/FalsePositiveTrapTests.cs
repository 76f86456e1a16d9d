using G2rl.Grading;

namespace G2rl.Tests.Grading;

/// <summary>The false-positive traps named in the grading issue must not compare equal.</summary>
public sealed class FalsePositiveTrapTests
{
    [Theory]
    [InlineData(@"4", @"4.01")]
    [InlineData(@"\frac{1}{3}", @"0.333")]
    [InlineData(@"1/3", @"0.333")]
    [InlineData(@"(3,-2)", @"(-2,3)")]
    [InlineData(@"(2,5)", @"[2,5]")]
    [InlineData(@"10", @"100")]
    [InlineData(@"\frac{1}{2}", @"2")]
    [InlineData(@"\sqrt{2}", @"2")]
    [InlineData(@"x+1", @"x-1")]
    public void TrapPairsAreNotEquivalent(string gold, string candidate)
    {
        Assert.False(MathEquivalence.AreEquivalent(gold, candidate), $"{gold} vs {candidate}");
        Assert.False(MathEquivalence.AreEquivalent(candidate, gold), $"{candidate} vs {gold}");
    }
}
