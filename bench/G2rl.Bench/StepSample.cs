namespace G2rl.Bench;

/// <summary>
/// One timed <c>GrpoTrainer.Step</c>: wall and process CPU seconds of the call, the stage times the step logs
/// (time/sampling, time/scoring, time/logprobs = old and reference log-probs + features + shaping + advantages,
/// time/update) and the mean response length of its rollouts.
/// </summary>
internal sealed record StepSample(int Step, double Seconds, double CpuSeconds, double Sampling, double Scoring, double LogProbs, double Update, double ResponseTokens)
{
    public static StepSample From(int step, double seconds, double cpu, IReadOnlyDictionary<string, double> m) =>
        new(step, seconds, cpu, m["time/sampling"], m["time/scoring"], m["time/logprobs"], m["time/update"], m["response_length/mean"]);
}
