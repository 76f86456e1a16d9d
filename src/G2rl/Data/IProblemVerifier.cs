using G2rl.Grading;

namespace G2rl.Data;

/// <summary>Decides whether a response solves a problem (the reward signal and the evaluation metric).</summary>
public interface IProblemVerifier
{
    /// <summary>Grades <paramref name="response"/> against <paramref name="problem"/>; must never throw or hang.</summary>
    GradeResult Verify(Problem problem, string response);
}
