namespace G2rl.Bench;

/// <summary>
/// CPU runs: peak resident set size of this process (VmHWM in /proc/self/status), reset per measurement by writing 5
/// to /proc/self/clear_refs (Linux ≥ 4.0). Includes the model weights and everything else the process holds.
/// </summary>
internal sealed class ProcessRssProbe : IMemoryProbe
{
    private bool resettable = true;

    public string What => resettable ? "process peak RSS (VmHWM, reset per measurement)" : "process peak RSS since start (VmHWM; reset not permitted)";

    public void ResetPeak()
    {
        if (!resettable)
        {
            return;
        }
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            resettable = false;
        }
    }

    public long? PeakBytes()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    var kb = long.Parse(line[6..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
                    return kb * 1024;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
        return null;
    }

    public void Dispose()
    {
    }
}
