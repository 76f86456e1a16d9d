using System.Diagnostics.CodeAnalysis;
using G2rl.Grading;

namespace G2rl.Data;

/// <summary>
/// Registry of the vendored benchmarks (see <c>data/SOURCES.md</c>) and the lookup of the data folder.
/// </summary>
public static class Benchmarks
{
    /// <summary>Environment variable that names the data folder explicitly.</summary>
    public const string DataDirectoryVariable = "G2RL_DATA";

    /// <summary>The file whose presence marks a data folder while searching.</summary>
    public const string MarkerFile = "math500.jsonl.gz";

    /// <summary>All vendored sets, evaluation benchmarks first.</summary>
    public static IReadOnlyList<BenchmarkInfo> All { get; } =
    [
        new("math500", "math500.jsonl.gz", AnswerKind.Math, 500, [], "MATH500 (PRM800K test split)"),
        new("aime24", "aime24.jsonl.gz", AnswerKind.Math, 30, [], "AIME 2024 I+II"),
        new("aime25", "aime25.jsonl.gz", AnswerKind.Math, 30, [], "AIME 2025 I+II"),
        new("amc23", "amc23.jsonl.gz", AnswerKind.Math, 40, [], "AMC 2023 12A+12B, rewritten without options"),
        new("gpqa_diamond", "gpqa_diamond.jsonl.gz", AnswerKind.Choice, 198, ["gpqa"], "GPQA Diamond, options A-D"),
        new("mmlu_pro", "mmlu_pro.jsonl.gz", AnswerKind.Choice, 12032, [], "MMLU-Pro test, options A-J"),
        new("gsm8k", "gsm8k_test.jsonl.gz", AnswerKind.Math, 1319, [], "GSM8K test"),
        new("math_train", "math_train.jsonl.gz", AnswerKind.Math, 7500, [], "MATH train (hendrycks), answer = last \\boxed{}"),
    ];

    /// <summary>Canonical names, in <see cref="All"/> order.</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(b => b.Name).ToArray();

    /// <summary>Looks up a benchmark by name or alias, case-insensitively.</summary>
    public static bool TryGet(string name, [MaybeNullWhen(false)] out BenchmarkInfo info)
    {
        ArgumentNullException.ThrowIfNull(name);
        var key = name.Trim();
        info = All.FirstOrDefault(b =>
            string.Equals(b.Name, key, StringComparison.OrdinalIgnoreCase)
            || b.Aliases.Contains(key, StringComparer.OrdinalIgnoreCase));
        return info is not null;
    }

    /// <summary>Like <see cref="TryGet"/>, but an unknown name throws a <see cref="G2rlException"/> listing the known ones.</summary>
    public static BenchmarkInfo Get(string name) =>
        TryGet(name, out var info)
            ? info
            : throw new G2rlException(
                $"unknown benchmark '{name}'; known: {string.Join(", ", All.Select(Describe))}");

    /// <summary>
    /// The data folder: <c>$G2RL_DATA</c> if set; else the nearest <c>data/</c> holding <see cref="MarkerFile"/>
    /// in <see cref="AppContext.BaseDirectory"/> or one of its ancestors; else <c>data/</c> in the current directory.
    /// </summary>
    public static string FindDataDirectory() =>
        ResolveDataDirectory(
            Environment.GetEnvironmentVariable(DataDirectoryVariable),
            AppContext.BaseDirectory,
            Directory.GetCurrentDirectory());

    /// <summary>
    /// The lookup of <see cref="FindDataDirectory"/> with its inputs explicit (for tests and tools).
    /// Throws <see cref="G2rlException"/> when the variable names a missing folder or nothing is found.
    /// </summary>
    public static string ResolveDataDirectory(string? environmentValue, string baseDirectory, string currentDirectory)
    {
        if (!string.IsNullOrWhiteSpace(environmentValue))
        {
            return Directory.Exists(environmentValue)
                ? environmentValue
                : throw new G2rlException($"{DataDirectoryVariable} names '{environmentValue}', which is not a directory");
        }

        for (var dir = new DirectoryInfo(baseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "data");
            if (File.Exists(Path.Combine(candidate, MarkerFile)))
            {
                return candidate;
            }
        }

        var local = Path.Combine(currentDirectory, "data");
        return File.Exists(Path.Combine(local, MarkerFile))
            ? local
            : throw new G2rlException(
                $"cannot find the benchmark data folder (a 'data' folder with {MarkerFile}) above '{baseDirectory}' "
                + $"or in '{currentDirectory}'; set {DataDirectoryVariable} to the repository's data/ folder");
    }

    /// <summary>Path of the benchmark's file in <paramref name="dataDir"/> (default <see cref="FindDataDirectory"/>).</summary>
    public static string PathOf(string name, string? dataDir = null) =>
        Path.Combine(dataDir ?? FindDataDirectory(), Get(name).FileName);

    /// <summary>Loads a vendored benchmark; its problems' <see cref="Problem.Source"/> is the canonical name.</summary>
    public static JsonlProblemSet Load(string name, string? dataDir = null)
    {
        var info = Get(name);
        var path = Path.Combine(dataDir ?? FindDataDirectory(), info.FileName);
        if (!File.Exists(path))
        {
            throw new G2rlException($"benchmark '{info.Name}' file is missing: {path}");
        }

        return JsonlProblemSet.Load(path, info.Name);
    }

    private static string Describe(BenchmarkInfo b) =>
        b.Aliases.Count == 0 ? b.Name : $"{b.Name} (alias {string.Join(", ", b.Aliases)})";
}
