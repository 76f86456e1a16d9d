namespace G2rl.Rewards;

/// <summary>A reward function's score of one response and an optional named breakdown (logged as rewards/&lt;name&gt;/&lt;key&gt;, written to completions files).</summary>
public sealed record RewardScore(double Value, IReadOnlyDictionary<string, double>? Breakdown = null);
