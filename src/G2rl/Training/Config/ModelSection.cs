namespace G2rl.Training.Config;

/// <summary>The policy to train.</summary>
public sealed record ModelSection
{
    /// <summary>HF model folder of the initial policy (also the KL reference). Required.</summary>
    public string Path { get; init; } = "";

    /// <summary>Parameter dtype: float32, bfloat16 or float16. bfloat16 halves memory; updates of tiny lr may vanish in bf16.</summary>
    public string Dtype { get; init; } = "float32";

    /// <summary>cpu, cuda or cuda:N.</summary>
    public string Device { get; init; } = "cpu";

    /// <summary>LoRA adapters to train instead of the full model; null (the default) trains every parameter.</summary>
    public LoraSection? Lora { get; init; }
}
