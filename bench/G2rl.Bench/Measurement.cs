namespace G2rl.Bench;

/// <summary>
/// One method being measured for a model and batch: its repetitions' wall and process-CPU seconds, the peak memory
/// over them and the last result. Measurements of one batch run interleaved, round by round, so a change in the
/// load of a shared machine hits all of them alike.
/// </summary>
internal sealed class Measurement(string method, int tokens, int reps, Func<object> run)
{
    public string Method { get; } = method;

    public int Tokens { get; } = tokens;

    public int Reps { get; } = reps;

    public Func<object> Run { get; } = run;

    public List<double> Seconds { get; } = [];

    public List<double> CpuSeconds { get; } = [];

    public long? PeakBytes { get; set; }

    public object? Last { get; set; }
}
