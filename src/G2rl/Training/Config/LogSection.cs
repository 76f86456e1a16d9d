namespace G2rl.Training.Config;

/// <summary>What a run writes for people to read besides metrics.jsonl.</summary>
public sealed record LogSection
{
    /// <summary>
    /// Every this many steps (default 1; 0 = never) the step's rollouts go to &lt;output_dir&gt;/completions/step-NNNNNN.jsonl, one line
    /// per response (fields in docs/training.md; read them with <c>g2rl inspect</c>).
    /// </summary>
    public int CompletionsEvery { get; init; } = 1;

    /// <summary>Print a compact table of one group (the one with the widest advantage spread) on the console at every completions step.</summary>
    public bool PrintGroup { get; init; }
}
