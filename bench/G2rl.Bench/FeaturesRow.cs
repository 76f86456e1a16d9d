namespace G2rl.Bench;

/// <summary>
/// The measurements of one model: the old-log-prob pass on one fixed rollout batch without features (sink null) and
/// with them (the pass with a <c>GradientFeatureAccumulator</c>, then <c>G2rlExploration.Shape</c>, which finishes the
/// features Φ = ρ̄·E and shapes the rewards), repetitions interleaved; and whole training steps with exploration
/// none and g2rl, interleaved. Seconds are per repetition; medians and overheads are derived.
/// </summary>
internal sealed record FeaturesRow
{
    public required string Model { get; init; }
    public required long Parameters { get; init; }
    public required int Vocab { get; init; }
    public required int Rows { get; init; }
    public required int PromptWidth { get; init; }
    public required double ResponseTokens { get; init; }
    public required int TargetTokens { get; init; }
    public List<double> PassSeconds { get; } = [];
    public List<double> PassCpuSeconds { get; } = [];
    public List<double> PassWithSinkSeconds { get; } = [];
    public List<double> PassWithSinkCpuSeconds { get; } = [];
    public List<double> ShapeSeconds { get; } = [];

    /// <summary>Finish alone (Φ = ρ̄·E), timed between the pass and Shape; informational: Shape runs it again inside.</summary>
    public List<double> FinishSeconds { get; } = [];
    public List<StepSample> StepsNone { get; } = [];
    public List<StepSample> StepsG2rl { get; } = [];

    /// <summary>Per repetition: pass with the sink + Shape (including Finish), as the trainer runs them.</summary>
    public IReadOnlyList<double> WithFeaturesSeconds => [.. PassWithSinkSeconds.Zip(ShapeSeconds, (a, b) => a + b)];
    public double MedianPass => Stats.Median(PassSeconds);
    public double MedianWithFeatures => Stats.Median(WithFeaturesSeconds);
    public double MedianShape => Stats.Median(ShapeSeconds);
    public double FeatureSeconds => MedianWithFeatures - MedianPass;
    public double OverheadPercent => 100 * FeatureSeconds / MedianPass;
    public double? MedianStepNone => StepsNone.Count == 0 ? null : Stats.Median([.. StepsNone.Select(s => s.Seconds)]);
    public double? MedianStepG2rl => StepsG2rl.Count == 0 ? null : Stats.Median([.. StepsG2rl.Select(s => s.Seconds)]);

    /// <summary>The feature cost measured in isolation as a share of the median plain GRPO step.</summary>
    public double? OverheadOfStepPercent => MedianStepNone is { } step ? 100 * FeatureSeconds / step : null;

    /// <summary>The same read off the whole steps: (median g2rl step − median none step) / median none step; includes step-to-step noise.</summary>
    public double? StepDeltaPercent => MedianStepNone is { } none && MedianStepG2rl is { } g2rl ? 100 * (g2rl - none) / none : null;
}
