using System.Globalization;

namespace G2rl.Tasks;

/// <summary>Measured shape of a synthetic task's problems at one difficulty (see <see cref="TaskStatistics"/>).</summary>
/// <param name="Task">Task name.</param>
/// <param name="Difficulty">The difficulty measured.</param>
/// <param name="Problems">How many problems were measured.</param>
/// <param name="SolutionCounts">Distinct solutions per problem (capped at the measurement's maximum), ascending.</param>
/// <param name="MeanPromptLength">Mean question length in characters.</param>
/// <param name="MaxPromptLength">Longest question.</param>
/// <param name="MeanResponseLength">Mean length of all enumerated solutions.</param>
/// <param name="MaxResponseLength">Longest enumerated solution.</param>
/// <remarks>Record equality compares <paramref name="SolutionCounts"/> by reference.</remarks>
public sealed record TaskStatisticsReport(
    string Task,
    int Difficulty,
    int Problems,
    IReadOnlyList<int> SolutionCounts,
    double MeanPromptLength,
    int MaxPromptLength,
    double MeanResponseLength,
    int MaxResponseLength)
{
    /// <summary>Bucket upper bounds of <see cref="Histogram"/>: 1, 2, 3–4, 5–8, 9–16, 17+.</summary>
    public static IReadOnlyList<int> BucketUpperBounds { get; } = [1, 2, 4, 8, 16, int.MaxValue];

    /// <summary>Fewest solutions of a problem.</summary>
    public int MinSolutions => SolutionCounts.Count == 0 ? 0 : SolutionCounts[0];

    /// <summary>Most solutions of a problem.</summary>
    public int MaxSolutions => SolutionCounts.Count == 0 ? 0 : SolutionCounts[^1];

    /// <summary>Median solution count (the upper median for an even count).</summary>
    public int MedianSolutions => SolutionCounts.Count == 0 ? 0 : SolutionCounts[SolutionCounts.Count / 2];

    /// <summary>Mean solution count.</summary>
    public double MeanSolutions => SolutionCounts.Count == 0 ? 0 : SolutionCounts.Average();

    /// <summary>Share of problems with at least two distinct solutions.</summary>
    public double ShareWithSeveral => SolutionCounts.Count == 0 ? 0 : SolutionCounts.Count(c => c >= 2) / (double)SolutionCounts.Count;

    /// <summary>Problems per bucket of <see cref="BucketUpperBounds"/> (problems with no solution are in none).</summary>
    public IReadOnlyList<int> Histogram =>
        BucketUpperBounds.Select((upper, i) =>
            SolutionCounts.Count(c => c >= 1 && c <= upper && (i == 0 || c > BucketUpperBounds[i - 1]))).ToArray();

    /// <summary>One markdown table row: task, difficulty, n, min/median/mean/max, share ≥ 2, histogram, lengths.</summary>
    public string ToMarkdownRow() => string.Create(
        CultureInfo.InvariantCulture,
        $"| {Task} | {Difficulty} | {Problems} | {MinSolutions} / {MedianSolutions} / {MeanSolutions:F1} / {MaxSolutions} | "
        + $"{ShareWithSeveral:P0} | {string.Join(" / ", Histogram)} | {MeanPromptLength:F1} ({MaxPromptLength}) | "
        + $"{MeanResponseLength:F1} ({MaxResponseLength}) |");

    /// <summary>The header matching <see cref="ToMarkdownRow"/>.</summary>
    public static string MarkdownHeader =>
        "| task | difficulty | problems | solutions min / median / mean / max | ≥ 2 solutions | histogram 1 / 2 / 3–4 / 5–8 / 9–16 / 17+ "
        + "| prompt chars mean (max) | response chars mean (max) |\n|---|---|---|---|---|---|---|---|";
}
