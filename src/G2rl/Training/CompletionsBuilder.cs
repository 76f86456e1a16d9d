using G2rl.Data;
using G2rl.Exploration;
using G2rl.Sampling;

namespace G2rl.Training;

/// <summary>Assembles a step's <see cref="CompletionsLine"/>s from its stages' outputs (all [P][G], rows of samples in group order).</summary>
public static class CompletionsBuilder
{
    public static IReadOnlyList<CompletionsLine> Build(
        int step, IReadOnlyList<Problem> problems, IReadOnlyList<string> prompts, IReadOnlyList<SampledSequence> samples,
        StepRewards rewards, ShapingResult shaping, double[][] shapedRewards, float[][] advantages)
    {
        var lines = new List<CompletionsLine>(samples.Count);
        for (var p = 0; p < problems.Count; p++)
        {
            var g = rewards.Rewards[p].Length;
            for (var j = 0; j < g; j++)
            {
                var s = samples[(p * g) + j];
                lines.Add(new CompletionsLine
                {
                    Step = step,
                    Group = p,
                    Sample = j,
                    ProblemId = problems[p].Id,
                    Prompt = prompts[p],
                    Response = s.Text,
                    ResponseTokens = s.ResponseIds,
                    NumTokens = s.ResponseIds.Count,
                    FinishReason = s.Finish.ToString().ToLowerInvariant(),
                    ExtractedAnswer = rewards.Extracted[p][j],
                    Correct = rewards.Correct[p][j],
                    BaseReward = rewards.Rewards[p][j],
                    RewardBreakdown = rewards.Breakdown[p][j],
                    ShapedReward = shapedRewards[p][j],
                    Nu = shaping.Nu?[p][j],
                    PhiCosine = shaping.PhiCosine?[p][j],
                    Advantage = advantages[p][j],
                });
            }
        }
        return lines;
    }
}
