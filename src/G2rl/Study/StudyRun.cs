namespace G2rl.Study;

/// <summary>One RL run of a study: method, seed, its run directory, per-step training metrics and the held-out evaluation of the final policy.</summary>
public sealed record StudyRun(string Method, int Seed, string Directory, IReadOnlyList<IReadOnlyDictionary<string, double>> Steps, RunEvaluation Evaluation, double Seconds);
