namespace G2rl.Bench;

/// <summary>
/// One measured configuration. <see cref="Tokens"/> is per row of the batch (new tokens for decoding, prompt tokens
/// for prefill); <see cref="TokensPerSecond"/> = batch × tokens / median seconds. <see cref="Speedup"/> is relative to
/// the baseline named in the table legend, for the same model, batch and token count (null when there is none).
/// </summary>
internal sealed record ResultRow(
    string Model,
    long Parameters,
    int Batch,
    string Method,
    int Tokens,
    IReadOnlyList<double> Seconds,
    double? Speedup,
    long? PeakMemoryBytes,
    string? Check)
{
    /// <summary>Process CPU seconds (all threads) of each repetition: far below wall × threads means the process waited for a core.</summary>
    public IReadOnlyList<double> CpuSeconds { get; init; } = [];

    /// <summary>Tensors created per decode step (sampler rows only; null elsewhere).</summary>
    public double? TensorsPerStep { get; init; }

    /// <summary>Median of <see cref="Seconds"/>.</summary>
    public double MedianSeconds => Stats.Median(Seconds);

    /// <summary>Median of <see cref="CpuSeconds"/>, or null when not recorded.</summary>
    public double? MedianCpuSeconds => CpuSeconds.Count == 0 ? null : Stats.Median(CpuSeconds);

    /// <summary>Tokens processed per second at the median time.</summary>
    public double TokensPerSecond => (double)Batch * Tokens / MedianSeconds;
}
