namespace G2rl.Demo;

/// <summary>Everything the demo measured: the base policy's evaluation, every run, and timings.</summary>
public sealed record DemoResults(DemoOptions Options, string BaseDirectory, long BaseParameters, DemoEvaluation Base, IReadOnlyList<DemoRun> Runs, double BaseSeconds, double TotalSeconds);
