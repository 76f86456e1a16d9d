using System.Globalization;
using G2rl.Evaluation;

namespace G2rl.Study;

/// <summary>
/// The report's verdict on G2RL vs GRPO. RL seeds are the experimental unit: the verdict names a winner only when the
/// seed-aware (hierarchical bootstrap) interval of Δ pass@1 excludes 0 and both methods ran at least 2 seeds; otherwise it
/// says "inconclusive". It adds the seed-level means and SDs and a power line (<see cref="SeedPower"/>).
/// </summary>
public static class ComparisonVerdict
{
    /// <summary>The difference the power line asks about: 2 points of pass@1.</summary>
    public const double DetectableDelta = 0.02;

    public static string Text(IReadOnlyList<MethodSummary> summaries, string treatment = "g2rl", string control = "grpo")
    {
        ArgumentNullException.ThrowIfNull(summaries);
        var t = summaries.FirstOrDefault(s => s.Method == treatment);
        var c = summaries.FirstOrDefault(s => s.Method == control);
        if (t?.DeltaVsGrpo is not { } d || c is null)
        {
            return $"{treatment} or {control} was not run, so there is no comparison.";
        }
        var inv = CultureInfo.InvariantCulture;
        var T = treatment.ToUpperInvariant();
        var C = control.ToUpperInvariant();
        var verdict = Math.Min(t.Seeds, c.Seeds) < 2
            ? $"**Inconclusive**: with one RL seed per method the seed-to-seed spread is unknown, so no interval can support a difference between {T} and {C}."
            : d.Lower > 0 ? $"{T} beats {C} on held-out pass@1 (the seed-aware interval excludes 0)."
            : d.Upper < 0 ? $"{T} is worse than {C} on held-out pass@1 (the seed-aware interval excludes 0)."
            : $"**Inconclusive** at this budget: the seed-aware interval of the difference between {T} and {C} includes 0.";
        var seeds = string.Create(inv, $"Seed-level pass@1: {C} {Spread(c.SeedPass1)}, {T} {Spread(t.SeedPass1)} ({c.Seeds} and {t.Seeds} seeds).");
        var n = SeedPower.SeedsFor(c.SeedPass1.Sd, t.SeedPass1.Sd, DetectableDelta);
        var power = n is { } k
            ? string.Create(inv, $"Power: with these seed SDs, detecting a 2-point difference (two-sided α = 0.05, power 0.8) needs about {k} seeds per method.")
            : "Power: at least 2 seeds per method are needed to estimate the seed spread.";
        return string.Create(inv, $"**Verdict:** {verdict} Δ pass@1 = {d.Mean * 100:+0.0;-0.0} points [{d.Lower * 100:+0.0;-0.0}, {d.Upper * 100:+0.0;-0.0}] (hierarchical bootstrap over seeds and problems). {seeds} {power}");
    }

    private static string Spread(SeedSpread s) => s.Sd is { } sd
        ? string.Create(CultureInfo.InvariantCulture, $"{s.Mean * 100:0.0} ± {sd * 100:0.0}%")
        : string.Create(CultureInfo.InvariantCulture, $"{s.Mean * 100:0.0}%");
}
