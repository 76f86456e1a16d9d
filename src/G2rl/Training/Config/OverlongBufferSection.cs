namespace G2rl.Training.Config;

/// <summary>DAPO's soft overlong punishment: the last <see cref="Length"/> tokens before rollout.max_new_tokens are the buffer.</summary>
public sealed record OverlongBufferSection
{
    /// <summary>L_cache: buffer length in tokens (1 ≤ length ≤ rollout.max_new_tokens; DAPO: 4096 of 20480).</summary>
    public int Length { get; init; }

    /// <summary>Penalty at the limit (DAPO: 1.0, the size of its ±1 rule reward).</summary>
    public double Penalty { get; init; } = 1.0;
}
