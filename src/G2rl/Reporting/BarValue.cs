namespace G2rl.Reporting;

/// <summary>One bar of a <see cref="Plots.BarChart"/>: a value with an optional interval drawn as an error bar.</summary>
/// <param name="Label">Tick label under the bar (e.g. the method).</param>
/// <param name="Value">Bar height.</param>
/// <param name="Lower">Lower end of the error bar (≤ <paramref name="Value"/>); given together with <paramref name="Upper"/>.</param>
/// <param name="Upper">Upper end of the error bar (≥ <paramref name="Value"/>).</param>
public sealed record BarValue(string Label, double Value, double? Lower = null, double? Upper = null)
{
    /// <summary>Whether an error bar is drawn.</summary>
    public bool HasInterval => Lower.HasValue;

    /// <summary>Throws when the interval is half given or does not contain the value.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Label);
        if (!double.IsFinite(Value))
        {
            throw new ArgumentException($"bar '{Label}': value {Value} is not finite");
        }
        if (Lower.HasValue != Upper.HasValue)
        {
            throw new ArgumentException($"bar '{Label}': give both Lower and Upper, or neither");
        }
        if (Lower.HasValue && !(Lower.Value <= Value && Value <= Upper!.Value))
        {
            throw new ArgumentException($"bar '{Label}': interval [{Lower}, {Upper}] does not contain {Value}");
        }
    }
}
