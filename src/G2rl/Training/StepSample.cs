using G2rl.Sampling;

namespace G2rl.Training;

/// <summary>The groups a step trains on: problem indices [P], their rollouts (P·G rows, group-major), rewards [P][G], and sampling metrics.</summary>
public sealed record StepSample(int[] Indices, IReadOnlyList<SampledSequence> Samples, StepRewards Rewards, IReadOnlyDictionary<string, double> Metrics);
