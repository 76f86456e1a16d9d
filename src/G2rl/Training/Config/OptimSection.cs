namespace G2rl.Training.Config;

/// <summary>AdamW and the learning-rate schedule.</summary>
public sealed record OptimSection
{
    /// <summary>Peak learning rate (the paper: 5e-7).</summary>
    public double Lr { get; init; } = 5e-7;

    public double Beta1 { get; init; } = 0.9;

    public double Beta2 { get; init; } = 0.999;

    public double Eps { get; init; } = 1e-8;

    /// <summary>Decoupled weight decay (verl's default 0.01).</summary>
    public double WeightDecay { get; init; } = 0.01;

    /// <summary>Linear warmup steps.</summary>
    public int WarmupSteps { get; init; }

    /// <summary>constant (the paper) or cosine.</summary>
    public string Schedule { get; init; } = "constant";

    /// <summary>Final lr / peak lr for the cosine schedule.</summary>
    public double MinLrRatio { get; init; }

    /// <summary>Global gradient-norm clip (1.0); 0 disables.</summary>
    public double GradClip { get; init; } = 1.0;
}
