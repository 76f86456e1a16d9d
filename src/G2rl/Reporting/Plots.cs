using G2rl.Evaluation;
using ScottPlot;

namespace G2rl.Reporting;

/// <summary>
/// Headless PNG charts (ScottPlot 5 on SkiaSharp): learning curves with confidence bands, overlaid histograms, and
/// bar charts with error bars. Each file is written atomically (temporary file, then rename), its folder created.
/// Labels need a system font (Debian: fonts-dejavu-core); without one the charts are drawn without text.
/// </summary>
public static class Plots
{
    /// <summary>Default image width in pixels.</summary>
    public const int DefaultWidth = 800;

    /// <summary>Default image height in pixels.</summary>
    public const int DefaultHeight = 500;

    private const double BandOpacity = 0.25;
    private const double HistogramOpacity = 0.4;
    private const double Padding = 0.08;

    /// <summary>Lines (one per series, in palette order) with a shaded band where a series has Lower/Upper, and a legend.</summary>
    /// <exception cref="ArgumentException">No series, or a series whose arrays do not line up.</exception>
    public static void LineChart(
        string path,
        string title,
        string xLabel,
        string yLabel,
        IReadOnlyList<Series> series,
        int width = DefaultWidth,
        int height = DefaultHeight)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (series.Count == 0)
        {
            throw new ArgumentException("a line chart needs at least one series", nameof(series));
        }
        foreach (var s in series)
        {
            ArgumentNullException.ThrowIfNull(s, nameof(series));
            s.Validate();
        }

        using var plot = NewPlot(title, xLabel, yLabel);
        for (var i = 0; i < series.Count; i++)
        {
            var s = series[i];
            var color = ColorOf(i);
            if (s.HasBand)
            {
                var band = plot.Add.FillY(s.X, s.Lower!, s.Upper!);
                band.FillColor = color.WithOpacity(BandOpacity);
                band.LineWidth = 0;
            }
            var line = plot.Add.ScatterLine(s.X, s.Y, color);
            line.LineWidth = 2;
            line.LegendText = s.Name;
        }
        plot.ShowLegend(Alignment.UpperLeft);
        Save(plot, path, width, height);
    }

    /// <summary>
    /// Overlaid semi-transparent histograms of several value sets over the same <paramref name="bins"/> bins of
    /// [<paramref name="min"/>, <paramref name="max"/>], e.g. the pairwise-cosine distributions of several methods.
    /// With <paramref name="normalize"/> the bar heights are shares of each set's values (so sets of different sizes
    /// compare), otherwise counts. Values outside the range are left out of the bars but counted in n.
    /// </summary>
    /// <exception cref="ArgumentException">No sets, a NaN value, or an invalid range.</exception>
    public static void Histogram(
        string path,
        string title,
        IReadOnlyList<(string Name, double[] Values)> sets,
        double min,
        double max,
        int bins,
        bool normalize = true,
        string xLabel = "value",
        int width = DefaultWidth,
        int height = DefaultHeight)
    {
        ArgumentNullException.ThrowIfNull(sets);
        if (sets.Count == 0)
        {
            throw new ArgumentException("a histogram needs at least one set of values", nameof(sets));
        }

        var histograms = sets.Select(s => EqualWidthHistogram.Build(
            s.Values ?? throw new ArgumentException($"set '{s.Name}' has no values array", nameof(sets)), min, max, bins)).ToArray();
        using var plot = NewPlot(title, xLabel, normalize ? "share of values" : "count");
        for (var i = 0; i < sets.Count; i++)
        {
            var h = histograms[i];
            var n = sets[i].Values.Length;
            var color = ColorOf(i);
            var bars = Enumerable.Range(0, bins).Where(b => h.Counts[b] > 0).Select(b => new Bar
            {
                Position = h.Center(b),
                Value = Height(h.Counts[b], n, normalize),
                Size = h.BinWidth,
                FillColor = color.WithOpacity(HistogramOpacity),
                LineColor = color,
                LineWidth = 1,
            }).ToArray();
            plot.Add.Bars(bars);

            // Legend items are given by hand: a set with no bars (no values in range) must still be listed.
            plot.Legend.ManualItems.Add(new LegendItem
            {
                LabelText = $"{sets[i].Name} (n={n})",
                FillColor = color.WithOpacity(HistogramOpacity),
                OutlineColor = color,
                OutlineWidth = 1,
            });
        }
        var tallest = histograms.Select((h, i) => Height(h.Counts.Max(), sets[i].Values.Length, normalize)).Max();
        plot.Axes.SetLimits(min, max, 0, ValueAxisTop(0, tallest));
        plot.ShowLegend(Alignment.UpperLeft);
        Save(plot, path, width, height);
    }

    /// <summary>One bar per value, labelled underneath, with an error bar where an interval is given (e.g. pass@1 with its CI per method).</summary>
    /// <exception cref="ArgumentException">No bars, a non-finite value, or an interval that does not contain its value.</exception>
    public static void BarChart(
        string path,
        string title,
        string yLabel,
        IReadOnlyList<BarValue> bars,
        int width = DefaultWidth,
        int height = DefaultHeight)
    {
        ArgumentNullException.ThrowIfNull(bars);
        if (bars.Count == 0)
        {
            throw new ArgumentException("a bar chart needs at least one bar", nameof(bars));
        }
        foreach (var b in bars)
        {
            ArgumentNullException.ThrowIfNull(b, nameof(bars));
            b.Validate();
        }

        using var plot = NewPlot(title, string.Empty, yLabel);
        plot.Add.Bars(bars.Select((b, i) => new Bar
        {
            Position = i,
            Value = b.Value,
            Size = 0.6,
            FillColor = ColorOf(i),
            LineWidth = 0,
        }).ToArray());

        var withInterval = Enumerable.Range(0, bars.Count).Where(i => bars[i].HasInterval).ToArray();
        if (withInterval.Length > 0)
        {
            var errors = new ScottPlot.Plottables.ErrorBar(
                withInterval.Select(i => (double)i).ToArray(),
                withInterval.Select(i => bars[i].Value).ToArray(),
                null,
                null,
                withInterval.Select(i => bars[i].Upper!.Value - bars[i].Value).ToArray(),
                withInterval.Select(i => bars[i].Value - bars[i].Lower!.Value).ToArray())
            {
                Color = Colors.Black,
                LineWidth = 1.5f,
                CapSize = 8,
            };
            plot.Add.Plottable(errors);
        }

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, bars.Count).Select(i => (double)i).ToArray(),
            bars.Select(b => b.Label).ToArray());
        var low = Math.Min(0, bars.Min(b => b.Lower ?? b.Value));
        var high = Math.Max(0, bars.Max(b => b.Upper ?? b.Value));
        plot.Axes.SetLimits(-0.6, bars.Count - 0.4, low < 0 ? low - (Padding * (high - low)) : 0, ValueAxisTop(low, high));
        Save(plot, path, width, height);
    }

    private static Plot NewPlot(string title, string xLabel, string yLabel)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(xLabel);
        ArgumentNullException.ThrowIfNull(yLabel);
        var plot = new Plot();
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        return plot;
    }

    private static double Height(long count, int total, bool normalize) =>
        !normalize ? count : total == 0 ? 0 : (double)count / total;

    /// <summary>Top of a value axis that starts at <paramref name="low"/> and must show <paramref name="high"/>, with headroom.</summary>
    private static double ValueAxisTop(double low, double high) =>
        high > low ? high + (Padding * (high - low)) : low + 1;

    private static Color ColorOf(int index) => new ScottPlot.Palettes.Category10().GetColor(index);

    private static void Save(Plot plot, string path, int width, int height)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        AtomicFile.WriteAllBytes(path, plot.GetImageBytes(width, height, ImageFormat.Png));
    }
}
