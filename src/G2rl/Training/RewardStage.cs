using G2rl.Data;
using G2rl.Rewards;
using G2rl.Sampling;

namespace G2rl.Training;

/// <summary>
/// Stage 2: the verifier's verdict on every response and the base rewards [P][G] = Σ w · score of the configured reward functions
/// (+ DAPO's overlong penalty), with correctness (always the verifier's), answer presence and the per-term breakdown.
/// </summary>
public static class RewardStage
{
    /// <summary>Grades the rollouts with the verifier as the only reward (±1 or 1/0).</summary>
    public static StepRewards Run(IReadOnlyList<SampledSequence> samples, IReadOnlyList<Problem> problems, int groupSize, IProblemVerifier verifier, bool plusMinusOne) =>
        Run(samples, problems, groupSize, verifier, new WeightedReward([(new VerifierReward(plusMinusOne), 1.0)]));

    /// <summary>Grades the rollouts of <paramref name="problems"/> (row r belongs to problem r / G) and scores them with <paramref name="reward"/>.</summary>
    public static StepRewards Run(IReadOnlyList<SampledSequence> samples, IReadOnlyList<Problem> problems, int groupSize, IProblemVerifier verifier, WeightedReward reward)
    {
        var p = problems.Count;
        var rewards = new double[p][];
        var verifierTerm = new double[p][];
        var correct = new bool[p][];
        var hasAnswer = new bool[p][];
        var texts = new string[p][];
        var extracted = new string?[p][];
        var breakdown = new IReadOnlyDictionary<string, double>[p][];
        for (var i = 0; i < p; i++)
        {
            rewards[i] = new double[groupSize];
            verifierTerm[i] = new double[groupSize];
            correct[i] = new bool[groupSize];
            hasAnswer[i] = new bool[groupSize];
            texts[i] = new string[groupSize];
            extracted[i] = new string?[groupSize];
            breakdown[i] = new IReadOnlyDictionary<string, double>[groupSize];
            for (var j = 0; j < groupSize; j++)
            {
                var sample = samples[(i * groupSize) + j];
                var grade = verifier.Verify(problems[i], sample.Text);
                var score = reward.Score(new RewardInput(problems[i], sample.Text, sample.ResponseIds, sample.Finish, grade));
                correct[i][j] = grade.Correct;
                hasAnswer[i][j] = grade.Extracted is not null;
                extracted[i][j] = grade.Extracted;
                texts[i][j] = sample.Text;
                rewards[i][j] = score.Total;
                verifierTerm[i][j] = score.Verifier;
                breakdown[i][j] = score.Breakdown;
            }
        }
        return new StepRewards(rewards, correct, hasAnswer, texts) { VerifierTerm = verifierTerm, Extracted = extracted, Breakdown = breakdown };
    }
}
