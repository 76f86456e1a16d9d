namespace G2rl.Bench;

/// <summary>Everything one benchmark run produced; serialised to JSON under bench/results/.</summary>
internal sealed record BenchReport(
    string Benchmark,
    string StartedUtc,
    double WallSeconds,
    MachineInfo Machine,
    IReadOnlyDictionary<string, string> Settings,
    IReadOnlyList<ModelInfo> Models,
    string TokensColumn,
    string SpeedupBaseline,
    string MemoryMeasure,
    IReadOnlyList<ResultRow> Rows,
    IReadOnlyList<string> Notes);
