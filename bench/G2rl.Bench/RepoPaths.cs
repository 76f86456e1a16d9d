namespace G2rl.Bench;

/// <summary>Locates the repository root (the folder holding G2rl.slnx) from the current directory.</summary>
internal static class RepoPaths
{
    /// <summary>The nearest ancestor of the current directory that holds G2rl.slnx, or null.</summary>
    public static string? Root()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "G2rl.slnx")))
            {
                return dir.FullName;
            }
        }
        return null;
    }

    /// <summary>Default results folder: bench/results under the repository root, else ./bench-results.</summary>
    public static string DefaultResults() =>
        Root() is { } root ? Path.Combine(root, "bench", "results") : Path.Combine(Directory.GetCurrentDirectory(), "bench-results");

    /// <summary>Default docs file: docs/benchmarks.md under the repository root, or "none" outside a checkout.</summary>
    public static string DefaultDocs() =>
        Root() is { } root ? Path.Combine(root, "docs", "benchmarks.md") : "none";
}
