namespace G2rl.Tasks;

/// <summary>How one arithmetic difficulty draws its problems.</summary>
/// <param name="Count">How many single-digit numbers (1–9) the expression has.</param>
/// <param name="Parenthesized">Whether one non-redundant pair of parentheses is added.</param>
/// <param name="MaxAnswer">Largest answer; answers are at least 0.</param>
internal sealed record ArithmeticLevel(int Count, bool Parenthesized, int MaxAnswer);
