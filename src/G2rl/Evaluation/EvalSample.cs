namespace G2rl.Evaluation;

/// <summary>One graded evaluation sample (a line of samples.jsonl).</summary>
public sealed record EvalSample(string Benchmark, string ProblemId, int Sample, string Response, string? Extracted, bool Correct, string Finish, int ResponseTokens);
