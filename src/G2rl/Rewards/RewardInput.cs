using G2rl.Data;
using G2rl.Grading;
using G2rl.Sampling;

namespace G2rl.Rewards;

/// <summary>What a reward function sees of one response.</summary>
/// <param name="Problem">The problem the response answers.</param>
/// <param name="Text">The decoded response text.</param>
/// <param name="Tokens">The response token ids (the stop/EOS token included when one ended it).</param>
/// <param name="Finish">Why generation stopped (<see cref="FinishReason.Length"/> = truncated at rollout.max_new_tokens).</param>
/// <param name="Grade">The verifier's verdict (computed once per response; <c>correct</c> and pass rates always come from it).</param>
public sealed record RewardInput(Problem Problem, string Text, IReadOnlyList<int> Tokens, FinishReason Finish, GradeResult Grade);
