using G2rl.Evaluation;

namespace G2rl.Study;

/// <summary>One RL run of a study: method, seed, its run directory, per-step training metrics the held-out evaluation of the final policy, and its validation results when the study has a validation set.</summary>
public sealed record StudyRun(string Method, int Seed, string Directory, IReadOnlyList<IReadOnlyDictionary<string, double>> Steps, RunEvaluation Evaluation, double Seconds, IReadOnlyList<ProblemResult>? Validation = null);
