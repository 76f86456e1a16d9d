using G2rl.Sampling;
using G2rl.Training.Config;

namespace G2rl.Training;

/// <summary>
/// DAPO's dynamic sampling (Yu et al. 2025, arXiv 2503.14476, §3.2, "over-sample and filter out prompts with accuracy 0 and 1"):
/// the step's own prompts are sampled and graded; groups whose base signal is flat (metric accuracy: all correct or all incorrect;
/// reward: all base rewards equal) are dropped, and further batches of prompts_per_step prompts are drawn until the step has
/// prompts_per_step kept groups or max_batches batches were drawn. Missing slots are then filled with dropped groups, earliest
/// first, so every step has the same shape. Extra batch b ≥ 1 takes the first prompts_per_step problems of a permutation seeded by
/// (seed, b, step) and samples with its own seed, so a step stays a pure function of (seed, step) and the data order of later steps
/// is unchanged. Without the option, the step's own batch is used as it is.
/// </summary>
public sealed class DynamicSampling(DynamicSamplingSection? settings, int problemCount, int promptsPerStep, long seed)
{
    /// <summary>Samples the groups of 0-based <paramref name="step"/>: <paramref name="sample"/>(problem indices, seed) → rows, <paramref name="grade"/>(problem indices, rows) → rewards.</summary>
    public StepSample Collect(int step, int[] stepIndices, Func<int[], long, IReadOnlyList<SampledSequence>> sample, Func<int[], IReadOnlyList<SampledSequence>, StepRewards> grade)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(grade);
        var kept = new List<Group>();
        var dropped = new List<Group>();
        var maxBatches = settings?.MaxBatches ?? 1;
        var batches = 0;
        while (batches < maxBatches && kept.Count < promptsPerStep)
        {
            var indices = batches == 0 ? stepIndices : ExtraIndices(step, batches);
            var rows = sample(indices, batches == 0 ? Seeds.Derive(seed, "rollout", step) : Seeds.Derive(seed, $"rollout-extra-{batches}", step));
            var rewards = grade(indices, rows);
            var g = rows.Count / indices.Length;
            for (var p = 0; p < indices.Length; p++)
            {
                var group = new Group(indices[p], [.. rows.Skip(p * g).Take(g)], rewards, p);
                (settings is null || HasSignal(rewards, p, settings.Metric) ? kept : dropped).Add(group);
            }
            batches++;
        }
        var filled = Math.Max(0, promptsPerStep - kept.Count);
        var chosen = kept.Take(promptsPerStep).Concat(dropped.Take(filled)).ToList();
        var metrics = new Dictionary<string, double>();
        if (settings is not null)
        {
            metrics["dynamic_sampling/dropped_share"] = dropped.Count / (double)(batches * promptsPerStep);
            metrics["dynamic_sampling/batches"] = batches;
            metrics["dynamic_sampling/filled_with_dropped"] = filled;
        }
        var samples = chosen.SelectMany((c, i) => c.Rows.Select(r => r with { PromptIndex = i })).ToList();
        return new StepSample([.. chosen.Select(c => c.Problem)], samples, StepRewards.Gather([.. chosen.Select(c => (c.Rewards, c.Index))]), metrics);
    }

    /// <summary>True when group <paramref name="p"/> carries a learning signal under <paramref name="metric"/> (accuracy or reward).</summary>
    public static bool HasSignal(StepRewards rewards, int p, string metric) => metric == "reward"
        ? rewards.Rewards[p].Max() - rewards.Rewards[p].Min() > 1e-9
        : rewards.Correct[p].Distinct().Count() > 1;

    private int[] ExtraIndices(int step, int batch)
    {
        var perm = Enumerable.Range(0, problemCount).ToArray();
        new Random(unchecked((int)Seeds.Derive(seed, $"dynamic-sampling-{batch}", step))).Shuffle(perm);
        return [.. Enumerable.Range(0, promptsPerStep).Select(i => perm[i % problemCount])];
    }

    private sealed record Group(int Problem, IReadOnlyList<SampledSequence> Rows, StepRewards Rewards, int Index);
}
