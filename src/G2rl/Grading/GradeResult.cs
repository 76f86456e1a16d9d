namespace G2rl.Grading;

/// <summary>Outcome of grading one response: whether it is correct, and the answer extracted from it (null when none).</summary>
public sealed record GradeResult(bool Correct, string? Extracted);
