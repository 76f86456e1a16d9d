using G2rl.Exploration;
using G2rl.Sampling;

namespace G2rl.Training;

/// <summary>Builds the metrics.jsonl record of a step from its stages' outputs.</summary>
internal static class StepMetrics
{
    public static Dictionary<string, double> Build(
        IReadOnlyList<SampledSequence> samples, StepRewards rewards, ShapingResult shaping, float[][] advantagesBefore,
        float[][] advantages, UpdateMetrics update, double lr, StageTimes times,
        IReadOnlyDictionary<string, double>? extra = null)
    {
        var lengths = samples.Select(s => (double)s.ResponseIds.Count).ToArray();
        var adv = advantages.SelectMany(a => a).Select(a => (double)a).ToArray();
        var shaped = shaping.Rewards.SelectMany(r => r).ToArray();
        var tokens = lengths.Sum();
        var m = new Dictionary<string, double>
        {
            ["reward/mean"] = rewards.Rewards.SelectMany(r => r).Average(),
            ["reward/accuracy"] = rewards.Correct.SelectMany(c => c).Average(c => c ? 1.0 : 0.0),
            ["reward/has_answer"] = rewards.HasAnswer.SelectMany(c => c).Average(c => c ? 1.0 : 0.0),
            ["reward/shaped_mean"] = shaped.Average(),
            ["reward/shaped_std"] = Std(shaped),
            ["reward/shaped_min"] = shaped.Min(),
            ["reward/shaped_max"] = shaped.Max(),
            ["advantage/mean"] = adv.Average(),
            ["advantage/std"] = Std(adv),
            ["advantage/abs_max"] = adv.Max(Math.Abs),
            ["advantage/zero_groups_before_shaping"] = ZeroShare(advantagesBefore),
            ["advantage/zero_groups"] = ZeroShare(advantages),
            ["loss/total"] = update.Loss,
            ["loss/policy"] = update.PolicyLoss,
            ["kl"] = update.Kl,
            ["entropy"] = update.Entropy,
            ["clip_fraction"] = update.ClipFraction,
            ["ratio_mean"] = update.RatioMean,
            ["grad_norm"] = update.GradNorm,
            ["optimizer_steps"] = update.OptimizerSteps,
            ["skipped_updates"] = update.SkippedSteps,
            ["lr"] = lr,
            ["response_length/mean"] = lengths.Average(),
            ["response_length/max"] = lengths.Max(),
            ["truncation_rate"] = samples.Average(s => s.Finish == FinishReason.Length ? 1.0 : 0.0),
            ["tokens_per_second"] = tokens / Math.Max(1e-9, times.Total),
            ["time/sampling"] = times.Sampling,
            ["time/scoring"] = times.Scoring,
            ["time/logprobs"] = times.LogProbs,
            ["time/update"] = times.Update,
            ["time/step"] = times.Total,
        };
        foreach (var (k, v) in shaping.Metrics)
        {
            m["exploration/" + k] = v;
        }
        foreach (var term in rewards.Breakdown.SelectMany(g => g).SelectMany(b => b.Keys).Distinct())
        {
            m["rewards/" + term] = rewards.Breakdown.SelectMany(g => g).Average(b => b.TryGetValue(term, out var v) ? v : 0);
        }
        foreach (var (k, v) in extra ?? new Dictionary<string, double>())
        {
            m[k] = v;
        }
        return m;
    }

    private static double Std(double[] x)
    {
        var mean = x.Average();
        return Math.Sqrt(x.Average(v => (v - mean) * (v - mean)));
    }

    private static double ZeroShare(float[][] groups) => groups.Average(g => g.All(a => Math.Abs(a) < 1e-6) ? 1.0 : 0.0);
}
