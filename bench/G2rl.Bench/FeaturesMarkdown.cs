using System.Globalization;
using System.Text;

namespace G2rl.Bench;

/// <summary>The markdown of a <c>features</c> run: run line, settings, models, the overhead table, the step stages, legend and notes.</summary>
internal static class FeaturesMarkdown
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Render(FeaturesReport r)
    {
        var sb = new StringBuilder();
        sb.AppendLine(Inv, $"Run {r.StartedUtc} ({Format.Seconds(r.WallSeconds)} s in all): {r.Machine.Summary()}.");
        sb.AppendLine();
        sb.AppendLine(Inv, $"Settings: {string.Join(", ", r.Settings.Select(kv => $"{kv.Key}={kv.Value}"))}.");
        sb.AppendLine();
        foreach (var m in r.Models)
        {
            sb.AppendLine(Inv, $"- `{m.Name}`: {Format.Count(m.Parameters)} parameters ({m.Parameters:#,0}), {m.Shape}; {m.Origin}.");
        }
        sb.AppendLine();
        sb.AppendLine("| model | params | vocab | rows × tokens | log-prob pass s | with features s | of which Finish + shaping s | overhead % | step s (none) | step s (g2rl) | overhead % of step | step Δ % |");
        sb.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var x in r.Rows)
        {
            sb.AppendLine(Inv, $"| {x.Model} | {Format.Count(x.Parameters)} | {x.Vocab:#,0} | {x.Rows} × {x.ResponseTokens:0.#} | {Format.Seconds(x.MedianPass)} | {Format.Seconds(x.MedianWithFeatures)} | {Format.Seconds(x.MedianShape)} | {Percent(x.OverheadPercent)} | {Seconds(x.MedianStepNone)} | {Seconds(x.MedianStepG2rl)} | {Percent(x.OverheadOfStepPercent)} | {Percent(x.StepDeltaPercent)} |");
        }
        sb.AppendLine();
        sb.AppendLine("rows × tokens: rollouts × mean response tokens of the scored batch. Log-prob pass: `LogProbStage.Run` (recompute old, no reference, chunked LM head, entropy) with sink null; with features: the same pass with a `GradientFeatureAccumulator` plus `G2rlExploration.Shape` (Finish Φ = ρ̄·E, ν, min–max, shaped rewards), as the trainer runs them; overhead % = (with features − pass) / pass. Step: wall clock of `GrpoTrainer.Step`, exploration none or g2rl; overhead % of step = (with features − pass) / step (none); step Δ % = (step g2rl − step none) / step none, read off the whole steps (noisier). All values are medians over the repetitions.");
        if (r.Rows.Any(x => x.StepsNone.Count > 0))
        {
            sb.AppendLine();
            sb.AppendLine("Step stages (medians; log-probs = old and reference log-probs, features, shaping and advantages):");
            sb.AppendLine();
            sb.AppendLine("| model | exploration | step s | CPU s | sampling s | scoring s | log-probs s | update s | tokens/response |");
            sb.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            foreach (var x in r.Rows.Where(x => x.StepsNone.Count > 0))
            {
                Stages(sb, x.Model, "none", x.StepsNone);
                Stages(sb, x.Model, "g2rl", x.StepsG2rl);
            }
        }
        foreach (var n in r.Notes)
        {
            sb.AppendLine();
            sb.Append("- ").AppendLine(n);
        }
        return sb.ToString();
    }

    private static void Stages(StringBuilder sb, string model, string method, List<StepSample> s)
    {
        double M(Func<StepSample, double> f) => Stats.Median([.. s.Select(f)]);
        sb.AppendLine(Inv, $"| {model} | {method} | {Format.Seconds(M(x => x.Seconds))} | {Format.Seconds(M(x => x.CpuSeconds))} | {Format.Seconds(M(x => x.Sampling))} | {Format.Seconds(M(x => x.Scoring))} | {Format.Seconds(M(x => x.LogProbs))} | {Format.Seconds(M(x => x.Update))} | {M(x => x.ResponseTokens):0.0} |");
    }

    private static string Seconds(double? s) => s is { } v ? Format.Seconds(v) : "—";

    private static string Percent(double? p) => p is { } v ? v.ToString(Math.Abs(v) >= 100 ? "0" : "0.0", Inv) + "%" : "—";
}
