namespace G2rl.Evaluation;

/// <summary>Outcome of <see cref="MajorityVote.Vote"/>.</summary>
/// <param name="WinnerIndex">Index (into the voted answers) of the first member of the winning class; null when every answer is null.</param>
/// <param name="WinnerVotes">Size of the winning class (0 when there is no winner).</param>
/// <param name="Classes">Number of equivalence classes among the non-null answers.</param>
/// <param name="TiedClasses">Number of classes sharing the top count (1 when there was no tie, 0 with no winner).</param>
public sealed record VoteResult(int? WinnerIndex, int WinnerVotes, int Classes, int TiedClasses);
