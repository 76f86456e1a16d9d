namespace G2rl.Study;

/// <summary>One group's choice on the validation split: every arm's mean validation pass@1, the chosen arm and its held-out summary.</summary>
public sealed record ValidationChoice(string Group, string Chosen, IReadOnlyDictionary<string, double> ValidationPass1, MethodSummary HeldOut);
