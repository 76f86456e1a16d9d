namespace G2rl.Reporting;

/// <summary>One line of a <see cref="Plots.LineChart"/>; with <paramref name="Lower"/> and <paramref name="Upper"/> a shaded band (e.g. a confidence interval) is drawn under it.</summary>
/// <param name="Name">Legend text.</param>
/// <param name="X">X values.</param>
/// <param name="Y">Y values, as many as <paramref name="X"/>.</param>
/// <param name="Lower">Lower edge of the band, as many as <paramref name="X"/>; given together with <paramref name="Upper"/>.</param>
/// <param name="Upper">Upper edge of the band.</param>
public sealed record Series(string Name, double[] X, double[] Y, double[]? Lower = null, double[]? Upper = null)
{
    /// <summary>Whether a band is drawn.</summary>
    public bool HasBand => Lower is not null;

    /// <summary>Throws when the arrays do not line up.</summary>
    /// <exception cref="ArgumentException">Null or empty arrays, different lengths, or only one of Lower/Upper.</exception>
    public void Validate()
    {
        if (string.IsNullOrEmpty(Name))
        {
            throw new ArgumentException("a series needs a name");
        }
        if (X is null || Y is null || X.Length == 0 || X.Length != Y.Length)
        {
            throw new ArgumentException($"series '{Name}': X and Y must be non-empty and of equal length");
        }
        if ((Lower is null) != (Upper is null))
        {
            throw new ArgumentException($"series '{Name}': give both Lower and Upper, or neither");
        }
        if (Lower is not null && (Lower.Length != X.Length || Upper!.Length != X.Length))
        {
            throw new ArgumentException($"series '{Name}': Lower and Upper must have as many values as X");
        }
    }
}
