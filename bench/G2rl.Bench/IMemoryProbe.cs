namespace G2rl.Bench;

/// <summary>Tracks the peak memory of a measured region: <see cref="ResetPeak"/> before it, <see cref="PeakBytes"/> after.</summary>
internal interface IMemoryProbe : IDisposable
{
    /// <summary>What is measured, for the table legend (e.g. "process peak RSS").</summary>
    string What { get; }

    /// <summary>Starts a new peak window.</summary>
    void ResetPeak();

    /// <summary>Highest value seen since the last reset, or null when the probe could not measure.</summary>
    long? PeakBytes();
}
