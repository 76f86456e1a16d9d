using G2rl.Training;
using G2rl.Training.Config;

namespace G2rl.Bench;

/// <summary>
/// Part 2: whole <c>GrpoTrainer.Step</c> calls with exploration none and g2rl, two trainers from the same initial
/// weights and seed (so step i samples the same prompts with the same random stream). Step 0 of each is a warm-up;
/// steps 1..--reps (more for a cheap step, see --min-seconds) are timed, interleaved, alternating which method goes first.
/// </summary>
internal static class StepTiming
{
    public static void Measure(FeaturesCase c, TrainingContext none, TrainConfig noneConfig, TrainingContext g2rl, TrainConfig g2rlConfig, FeaturesRow row, FeaturesSettings s)
    {
        using var noneTrainer = new GrpoTrainer(noneConfig, none);
        using var g2rlTrainer = new GrpoTrainer(g2rlConfig, g2rl);
        var device = none.Policy.Device;
        for (var step = 0; step == 0 || s.MoreRounds(step - 1, s.Reps, row.StepsNone.Sum(x => x.Seconds)); step++)
        {
            var order = step % 2 == 0
                ? new[] { ("none", noneTrainer, row.StepsNone), ("g2rl", g2rlTrainer, row.StepsG2rl) }
                : [("g2rl", g2rlTrainer, row.StepsG2rl), ("none", noneTrainer, row.StepsNone)];
            foreach (var (name, trainer, samples) in order)
            {
                StepReport? report = null;
                var (wall, cpu) = CpuClock.Time(device, () => report = trainer.Step(step));
                var sample = StepSample.From(step, wall, cpu, report!.Metrics);
                Progress.Log($"{c.Name}: step {step} ({(step == 0 ? "warm-up" : $"rep {step}")}) {name}: {Format.Seconds(wall)} s (sampling {Format.Seconds(sample.Sampling)}, log-probs {Format.Seconds(sample.LogProbs)}, update {Format.Seconds(sample.Update)}; {sample.ResponseTokens:0.0} tokens/response)");
                if (step > 0)
                {
                    samples.Add(sample);
                }
            }
        }
    }
}
