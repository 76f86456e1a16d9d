namespace G2rl.Model;

/// <summary>
/// Low-rank adapters (Hu et al. 2021, "LoRA", arXiv 2106.09685) as PEFT defines them: a target linear layer computes
/// y = W x + (α/r)·B(A(dropout(x))) with A [r, in] and B [out, r]; W stays frozen.
/// </summary>
public sealed record LoraOptions
{
    /// <summary>Module names the seven Qwen3 projections answer to (PEFT's <c>target_modules</c> match the last name component).</summary>
    public static readonly IReadOnlyList<string> AllLinear = ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"];

    /// <summary>Rank r of A and B.</summary>
    public int Rank { get; init; } = 16;

    /// <summary>α; the update is scaled by α/r.</summary>
    public double Alpha { get; init; } = 32;

    /// <summary>Dropout probability on the adapter's input (training forward only).</summary>
    public double Dropout { get; init; }

    /// <summary>Names of the linear layers that get adapters (a subset of <see cref="AllLinear"/>).</summary>
    public IReadOnlyList<string> Targets { get; init; } = AllLinear;

    /// <summary>α/r.</summary>
    public double Scaling => Alpha / Rank;
}
