namespace G2rl.Training;

/// <summary>Base rewards, correctness, answer presence and texts of a step, each [P][G].</summary>
public sealed record StepRewards(double[][] Rewards, bool[][] Correct, bool[][] HasAnswer, string[][] Texts);
