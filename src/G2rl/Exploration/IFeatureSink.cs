using G2rl.Rl;

namespace G2rl.Exploration;

/// <summary>Collects per-row statistics from the old-log-prob pass, which runs micro-batch by micro-batch.</summary>
public interface IFeatureSink : IDisposable
{
    /// <summary>An observer for a micro-batch whose local row i is global row <paramref name="rows"/>[i] and whose target width is <paramref name="targetColumns"/> (T−1).</summary>
    IChunkObserver ForRows(IReadOnlyList<int> rows, long targetColumns);
}
