namespace G2rl.Training;

/// <summary>Learning-rate schedules after a linear warmup.</summary>
public enum ScheduleKind
{
    /// <summary>Constant after warmup (the paper).</summary>
    Constant,

    /// <summary>Cosine decay to <c>min_lr_ratio</c> × lr at the last step.</summary>
    Cosine,
}
