using G2rl.Sampling;

namespace G2rl.Bench;

/// <summary>One timed sampler call's result: the sequences and the sampler's counters for that call.</summary>
internal sealed record SamplerCall(IReadOnlyList<SampledSequence> Sequences, SamplerRunStats Stats);
