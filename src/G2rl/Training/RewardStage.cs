using G2rl.Data;
using G2rl.Sampling;

namespace G2rl.Training;

/// <summary>Stage 2: the verifier's verdict on every response, as rewards [P][G] (±1 or 1/0) with correctness and answer presence.</summary>
public static class RewardStage
{
    /// <summary>Grades the rollouts of <paramref name="problems"/> (row r belongs to problem r / G).</summary>
    public static StepRewards Run(IReadOnlyList<SampledSequence> samples, IReadOnlyList<Problem> problems, int groupSize, IProblemVerifier verifier, bool plusMinusOne)
    {
        var p = problems.Count;
        var rewards = new double[p][];
        var correct = new bool[p][];
        var hasAnswer = new bool[p][];
        var texts = new string[p][];
        for (var i = 0; i < p; i++)
        {
            rewards[i] = new double[groupSize];
            correct[i] = new bool[groupSize];
            hasAnswer[i] = new bool[groupSize];
            texts[i] = new string[groupSize];
            for (var j = 0; j < groupSize; j++)
            {
                var sample = samples[(i * groupSize) + j];
                var grade = verifier.Verify(problems[i], sample.Text);
                correct[i][j] = grade.Correct;
                hasAnswer[i][j] = grade.Extracted is not null;
                texts[i][j] = sample.Text;
                rewards[i][j] = grade.Correct ? 1.0 : (plusMinusOne ? -1.0 : 0.0);
            }
        }
        return new StepRewards(rewards, correct, hasAnswer, texts);
    }
}
