using System.Diagnostics;
using System.Globalization;
using static TorchSharp.torch;

namespace G2rl.Bench;

/// <summary>
/// The cost of G2RL's gradient features (the [N, V] accumulation in the old-log-prob pass, Φ = ρ̄·E and the shaping)
/// against the pass without them and against a whole GRPO step, per model: see <see cref="LogProbPassTiming"/> and
/// <see cref="StepTiming"/>.
/// </summary>
internal sealed class FeaturesBenchmark(FeaturesSettings s, Device device, ScalarType dtype)
{
    public FeaturesReport Run()
    {
        var started = DateTime.UtcNow;
        var wall = Stopwatch.StartNew();
        var rows = new List<FeaturesRow>();
        var models = new List<ModelInfo>();
        foreach (var name in s.Models)
        {
            var c = FeaturesCases.Create(name, s);
            var steps = FeaturesSettings.MaxRounds + 1;
            var noneConfig = FeaturesTraining.Config(c, s, "none", steps);
            var g2rlConfig = FeaturesTraining.Config(c, s, "g2rl", steps);
            var (none, build) = DeviceClock.Time(device, () => FeaturesTraining.Context(c, noneConfig, device, dtype, s.Seed));
            using (none)
            {
                models.Add(new ModelInfo(c.Name, c.Config.ToString(), c.Config.ParameterCount(), $"{c.Description}; random (Qwen3Init, seed {s.Seed})", build));
                Progress.Log($"{c.Name}: {Format.Count(c.Config.ParameterCount())} parameters, {c.Config}; {c.Prompts} × {c.Group} rollouts, ≤ {c.MaxNewTokens} new tokens");
                var row = LogProbPassTiming.Measure(c, none, noneConfig, s);
                if (s.Steps)
                {
                    using var g2rl = FeaturesTraining.Context(c, g2rlConfig, device, dtype, s.Seed);
                    StepTiming.Measure(c, none, noneConfig, g2rl, g2rlConfig, row, s);
                }
                rows.Add(row);
            }
        }
        return new FeaturesReport(
            "features",
            started.ToString("o", CultureInfo.InvariantCulture),
            wall.Elapsed.TotalSeconds,
            MachineInfo.Collect(device, dtype),
            s.ToDictionary(),
            models,
            rows,
            Notes(rows));
    }

    private List<string> Notes(List<FeaturesRow> rows)
    {
        var notes = new List<string>();
        foreach (var r in rows)
        {
            var lengths = r.StepsNone.Concat(r.StepsG2rl).Select(x => x.ResponseTokens).ToList();
            var steps = lengths.Count == 0 ? string.Empty : $"; the timed steps' rollouts averaged {lengths.Min():0.0}–{lengths.Max():0.0} tokens";
            var reps = $"{r.PassSeconds.Count} timed passes of each kind" + (r.StepsNone.Count == 0 ? string.Empty : $", {r.StepsNone.Count} timed steps of each method");
            notes.Add($"{r.Model} ({reps}): the log-prob pass scores {r.Rows} rows × {r.ResponseTokens:0.#} response tokens on average ({Format.Int(r.TargetTokens)} targets, prompt width {r.PromptWidth}){steps}. Finish alone (Φ = ρ̄·E, [N, V]·[V, d]) took {Format.Seconds(Stats.Median(r.FinishSeconds))} s (median), Shape in all {Format.Seconds(r.MedianShape)} s.");
        }
        return notes;
    }
}
