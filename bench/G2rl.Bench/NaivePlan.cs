using System.Globalization;

namespace G2rl.Bench;

/// <summary>
/// How much naive recomputation to measure within a time budget. Step i of naive decoding runs the model over
/// prompt + i positions, so n new tokens cost ∝ n·P + n(n−1)/2 positions; a timed pilot of a few tokens scales that.
/// First the repetitions drop (to one), then the new tokens (to a multiple of 8), never silently: the plan's
/// <see cref="Note"/> says what was measured.
/// </summary>
internal sealed record NaivePlan(int NewTokens, int Reps, double EstimatedSecondsPerRun, string? Note)
{
    public static NaivePlan Make(int promptLength, int wantedTokens, int wantedReps, int pilotTokens, double pilotSeconds, double budgetSeconds)
    {
        double Cost(int n) => ((double)n * promptLength) + (n * (n - 1) / 2.0);
        double Estimate(int n) => pilotSeconds * Cost(n) / Cost(pilotTokens);
        var full = Estimate(wantedTokens);
        if (full * wantedReps <= budgetSeconds)
        {
            return new NaivePlan(wantedTokens, wantedReps, full, null);
        }
        if (full <= budgetSeconds)
        {
            var reps = Math.Max(1, (int)(budgetSeconds / full));
            return new NaivePlan(wantedTokens, reps, full, $"{reps} repetition(s) instead of {wantedReps} (one run estimated at {full.ToString("0", CultureInfo.InvariantCulture)} s, budget {budgetSeconds} s)");
        }
        var n = wantedTokens;
        while (n > 8 && Estimate(n) > budgetSeconds)
        {
            n -= 8;
        }
        n = Math.Max(Math.Min(8, wantedTokens), n);
        return new NaivePlan(n, 1, Estimate(n),
            $"{n} new tokens instead of {wantedTokens}, 1 repetition: the full run was estimated at {full.ToString("0", CultureInfo.InvariantCulture)} s (budget {budgetSeconds} s) from a {pilotTokens}-token pilot of {pilotSeconds.ToString("0.00", CultureInfo.InvariantCulture)} s");
    }
}
