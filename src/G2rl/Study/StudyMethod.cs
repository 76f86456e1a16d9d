using G2rl.Training.Config;

namespace G2rl.Study;

/// <summary>One arm of a study: a display name (run folders are &lt;name&gt;-seed&lt;k&gt;) and its exploration settings; everything else is the study's shared config.</summary>
public sealed record StudyMethod
{
    /// <summary>Name in tables and run folders (letters, digits, '-', '_', '.'); the control arm is named by <see cref="StudyConfig.Control"/>.</summary>
    public string Name { get; init; } = "";

    /// <summary>
    /// Arms with the same group are candidates of one choice (e.g. λ ∈ {0.25, 0.5, 1} of one eq. 12 variant): the report picks
    /// the one with the best mean validation pass@1 and reports it on the held-out set. Null: not part of a choice.
    /// </summary>
    public string? Group { get; init; }

    /// <summary>exploration.* of this arm (method none = plain GRPO).</summary>
    public ExplorationSection Exploration { get; init; } = new();
}
