namespace G2rl.Training.Config;

/// <summary>Training and evaluation problems.</summary>
public sealed record DataSection
{
    /// <summary>Benchmark names (e.g. math_train) or .jsonl(.gz) paths; the paper trains on the MATH train split (7.5k).</summary>
    public IReadOnlyList<string> Train { get; init; } = ["math_train"];

    /// <summary>Held-out sets for periodic evaluation (names or paths); empty disables evaluation.</summary>
    public IReadOnlyList<string> Eval { get; init; } = ["math500"];

    /// <summary>Prompt template: qwen (chat with the paper's system instruction), plain, or a custom text with {question}/{instruction}.</summary>
    public string Template { get; init; } = "qwen";

    /// <summary>Overrides the instruction (default: the paper's "Please reason step by step, and put your final answer within \boxed{}.").</summary>
    public string? Instruction { get; init; }

    /// <summary>Prompts whose token count exceeds this are an error before training starts (0 = the model context minus max_new_tokens).</summary>
    public int MaxPromptTokens { get; init; }
}
