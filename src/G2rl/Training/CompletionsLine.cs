namespace G2rl.Training;

/// <summary>
/// One response of a step in &lt;output_dir&gt;/completions/step-NNNNNN.jsonl (snake_case JSON keys: step, group, sample, problem_id,
/// prompt, response, response_tokens, num_tokens, finish_reason, extracted_answer, correct, base_reward, reward_breakdown,
/// shaped_reward, nu, phi_cosine, advantage; docs/training.md).
/// </summary>
public sealed record CompletionsLine
{
    /// <summary>1-based training step (as in metrics.jsonl).</summary>
    public int Step { get; init; }

    /// <summary>0-based group (prompt) within the step.</summary>
    public int Group { get; init; }

    /// <summary>0-based response within the group.</summary>
    public int Sample { get; init; }

    public string ProblemId { get; init; } = "";

    /// <summary>The rendered prompt text the model saw.</summary>
    public string Prompt { get; init; } = "";

    /// <summary>The decoded response text.</summary>
    public string Response { get; init; } = "";

    /// <summary>Response token ids (the stop/EOS token included).</summary>
    public IReadOnlyList<int> ResponseTokens { get; init; } = [];

    public int NumTokens { get; init; }

    /// <summary>eos, stop or length (truncated at rollout.max_new_tokens).</summary>
    public string FinishReason { get; init; } = "";

    /// <summary>The verifier's extracted answer, or null.</summary>
    public string? ExtractedAnswer { get; init; }

    /// <summary>The verifier's verdict.</summary>
    public bool Correct { get; init; }

    /// <summary>Σ w · score of the reward functions (+ overlong penalty): the reward before exploration shaping.</summary>
    public double BaseReward { get; init; }

    /// <summary>Unweighted score of every reward term by name (verifier, format, …, overlong).</summary>
    public IReadOnlyDictionary<string, double> RewardBreakdown { get; init; } = new Dictionary<string, double>();

    /// <summary>The reward after exploration shaping (= base_reward without a shaping method).</summary>
    public double ShapedReward { get; init; }

    /// <summary>G2RL's exploration score ν ∈ [0, 1] (null for other methods).</summary>
    public double? Nu { get; init; }

    /// <summary>G2RL: mean cosine of this response's Φ to the rest of its group (null for other methods).</summary>
    public double? PhiCosine { get; init; }

    /// <summary>The advantage the update used (broadcast over the response's tokens).</summary>
    public double Advantage { get; init; }
}
