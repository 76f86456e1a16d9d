namespace G2rl.Training;

/// <summary>One supervised example: prompt ids (not trained on) and target response ids (trained on, EOS included).</summary>
public sealed record SupervisedExample(IReadOnlyList<int> Prompt, IReadOnlyList<int> Response);
