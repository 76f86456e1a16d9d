using G2rl.Data;
using G2rl.Grading;

namespace G2rl.Evaluation;

/// <summary>The rule-based verifier of benchmark problems: extracts the answer and compares it with the gold answer (math equivalence or choice letter).</summary>
public sealed class GradingVerifier : IProblemVerifier
{
    /// <summary>Shared instance (stateless).</summary>
    public static GradingVerifier Instance { get; } = new();

    public GradeResult Verify(Problem problem, string response) => Grader.Grade(response, problem.Answer, problem.Kind);
}
