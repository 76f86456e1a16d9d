using G2rl.Grading.Comparison;
using G2rl.Grading.Parsing;

namespace G2rl.Grading;

/// <summary>
/// Decides whether two math answers are the same: parses both into a small expression tree and compares
/// structurally, exactly (rationals) where possible and numerically otherwise. Never throws and never runs
/// past its time budget; anything unexpected counts as "not equivalent".
/// </summary>
public static class MathEquivalence
{
    /// <summary>Equivalence under <see cref="GradingOptions.ComparisonBudget"/>.</summary>
    public static bool AreEquivalent(string gold, string candidate) =>
        AreEquivalent(gold, candidate, GradingOptions.ComparisonBudget);

    /// <summary>Equivalence with an explicit time budget; false when the budget runs out.</summary>
    public static bool AreEquivalent(string gold, string candidate, TimeSpan budget)
    {
        try
        {
            if (gold is null || candidate is null)
            {
                return false;
            }
            var left = AnswerCleaner.Clean(gold);
            var right = AnswerCleaner.Clean(candidate);
            if (left.Length == 0 || right.Length == 0)
            {
                return false;
            }
            if (left == right)
            {
                return true;
            }
            return Compare(left, right, new Budget(budget));
        }
        catch (Exception)
        {
            return false;
        }
    }

    private static bool Compare(string left, string right, Budget budget)
    {
        Syntax.Expr a, b;
        try
        {
            a = AnswerParser.Parse(left, budget);
            b = AnswerParser.Parse(right, budget);
        }
        catch (ParseException)
        {
            return TextForm.Normalize(left) == TextForm.Normalize(right);
        }
        if (new AnswerComparer(budget).Equal(a, b))
        {
            return true;
        }
        // Text the parser read as something else (e.g. a phrase with punctuation) still matches verbatim.
        return (a is Syntax.TextExpr || b is Syntax.TextExpr) && TextForm.Normalize(left) == TextForm.Normalize(right);
    }
}
