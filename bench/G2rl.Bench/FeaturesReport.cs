namespace G2rl.Bench;

/// <summary>Everything one <c>features</c> run produced; serialised to JSON under bench/results/.</summary>
internal sealed record FeaturesReport(
    string Benchmark,
    string StartedUtc,
    double WallSeconds,
    MachineInfo Machine,
    IReadOnlyDictionary<string, string> Settings,
    IReadOnlyList<ModelInfo> Models,
    IReadOnlyList<FeaturesRow> Rows,
    IReadOnlyList<string> Notes);
