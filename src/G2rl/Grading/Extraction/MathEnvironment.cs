namespace G2rl.Grading.Extraction;

/// <summary>A math span of a response: its extent (<see cref="End"/> exclusive, after any percent sign) and its content.</summary>
internal readonly record struct MathEnvironment(int Start, int End, string Content);
