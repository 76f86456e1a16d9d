namespace G2rl.Demo;

/// <summary>One RL run of the demo: method, seed, its run directory, per-step training metrics and the held-out evaluation of the final policy.</summary>
public sealed record DemoRun(string Method, int Seed, string Directory, IReadOnlyList<IReadOnlyDictionary<string, double>> Steps, DemoEvaluation Evaluation, double Seconds);
