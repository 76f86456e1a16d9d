namespace G2rl.Bench;

/// <summary>
/// CPU runs: memory is not reported. The process's resident set keeps memory freed by earlier calls (the allocator
/// does not return it), so a per-call peak would mostly show what the previous method left behind.
/// </summary>
internal sealed class NoMemoryProbe : IMemoryProbe
{
    public string What => "not measured on CPU (the resident set keeps what earlier calls freed, so a per-call peak is not attributable)";

    public void ResetPeak()
    {
    }

    public long? PeakBytes() => null;

    public void Dispose()
    {
    }
}
