namespace G2rl.Sampling;

/// <summary>
/// One generated row: the prompt it continues (index into the prompt list and its unpadded ids), the response ids
/// (stop/EOS token included), the log-probability of each sampled token under the sampling distribution
/// (after temperature / top-k / top-p / min-p; 0 for greedy), why it stopped, and the decoded response text.
/// </summary>
public sealed record SampledSequence(
    int PromptIndex,
    IReadOnlyList<int> PromptIds,
    IReadOnlyList<int> ResponseIds,
    IReadOnlyList<float> ResponseLogProbs,
    FinishReason Finish,
    string Text);
