using G2rl.Reporting;
using G2rl.Tests.Support;

namespace G2rl.Tests.Reporting;

public sealed class PlotsTests : IDisposable
{
    private readonly TempDir temp = new();

    private static Series[] Curves(double shift = 0)
    {
        var x = Enumerable.Range(0, 50).Select(i => i * 4.0).ToArray();
        var grpo = x.Select(s => 0.55 + (0.1 * (1 - Math.Exp(-s / 60))) + shift).ToArray();
        var g2rl = x.Select(s => 0.55 + (0.13 * (1 - Math.Exp(-s / 50)))).ToArray();
        return
        [
            new Series("GRPO", x, grpo, [.. grpo.Select(v => v - 0.02)], [.. grpo.Select(v => v + 0.02)]),
            new Series("G2RL", x, g2rl, [.. g2rl.Select(v => v - 0.025)], [.. g2rl.Select(v => v + 0.025)]),
            new Series("EVOL-RL", x, [.. g2rl.Select(v => v - 0.01)]),
        ];
    }

    private static (string Name, double[] Values)[] CosineSets()
    {
        var random = new Random(3);
        double Draw(double mean, double spread) => Math.Clamp(mean + (spread * (random.NextDouble() + random.NextDouble() - 1)), -1, 1);
        return
        [
            ("GRPO", [.. Enumerable.Range(0, 840).Select(_ => Draw(0.21, 0.5))]),
            ("G2RL", [.. Enumerable.Range(0, 840).Select(_ => Draw(0.06, 0.6))]),
        ];
    }

    private static BarValue[] Methods() =>
    [
        new("GRPO", 63.5, 61.0, 66.1),
        new("Entropy", 64.3, 61.9, 66.8),
        new("EVOL-RL", 64.3),
        new("G2RL", 66.2, 63.8, 68.5),
    ];

    [Fact]
    public void LineChart_writes_a_png_of_the_default_size()
    {
        var path = temp.Sub("curves.png");
        Plots.LineChart(path, "MATH500 pass@1", "step", "pass@1", Curves());
        var bytes = File.ReadAllBytes(path);
        Assert.Equal(new PngHeader(800, 500), PngHeader.Read(bytes));
        Assert.True(bytes.Length > 10_000, $"{bytes.Length} bytes");
    }

    [Fact]
    public void Histogram_writes_a_png_of_the_requested_size()
    {
        var path = temp.Sub("nested/dir/cosines.png");
        Plots.Histogram(path, "Pairwise cosine of Φ", CosineSets(), -1, 1, 40, xLabel: "cosine", width: 640, height: 400);
        var bytes = File.ReadAllBytes(path);
        Assert.Equal(new PngHeader(640, 400), PngHeader.Read(bytes));
        Assert.True(bytes.Length > 10_000, $"{bytes.Length} bytes");
    }

    [Fact]
    public void Histogram_draws_a_set_without_values_or_outside_the_range_as_no_bars()
    {
        string path = temp.Sub("h.png"), reference = temp.Sub("ref.png");
        var sets = CosineSets();
        Plots.Histogram(path, "h", [sets[0], ("empty", []), ("outside", [5.0, -7.0])], -1, 1, 20, normalize: false);
        Plots.Histogram(reference, "h", [sets[0]], -1, 1, 20, normalize: false);
        Assert.Equal(new PngHeader(800, 500), PngHeader.Read(File.ReadAllBytes(path)));
        Assert.NotEqual(File.ReadAllBytes(reference), File.ReadAllBytes(path));

        var onlyEmpty = temp.Sub("only-empty.png");
        Plots.Histogram(onlyEmpty, "h", [("empty", [])], -1, 1, 20, normalize: true);
        Assert.Equal(new PngHeader(800, 500), PngHeader.Read(File.ReadAllBytes(onlyEmpty)));
    }

    [Fact]
    public void BarChart_writes_a_png_and_draws_the_error_bars()
    {
        var withErrors = temp.Sub("bars.png");
        var withoutErrors = temp.Sub("bars-plain.png");
        Plots.BarChart(withErrors, "pass@1 (95% CI)", "pass@1 %", Methods(), 900, 450);
        Plots.BarChart(withoutErrors, "pass@1 (95% CI)", "pass@1 %", [.. Methods().Select(b => new BarValue(b.Label, b.Value))], 900, 450);
        var bytes = File.ReadAllBytes(withErrors);
        Assert.Equal(new PngHeader(900, 450), PngHeader.Read(bytes));
        Assert.True(bytes.Length > 5_000, $"{bytes.Length} bytes");
        Assert.NotEqual(bytes, File.ReadAllBytes(withoutErrors));
    }

    [Fact]
    public void The_same_input_gives_the_same_bytes_and_other_input_other_bytes()
    {
        string a = temp.Sub("a.png"), b = temp.Sub("b.png"), c = temp.Sub("c.png");
        Plots.LineChart(a, "t", "x", "y", Curves());
        Plots.LineChart(b, "t", "x", "y", Curves());
        Plots.LineChart(c, "t", "x", "y", Curves(shift: 0.05));
        Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
        Assert.NotEqual(File.ReadAllBytes(a), File.ReadAllBytes(c));

        Plots.Histogram(a, "h", CosineSets(), -1, 1, 20);
        Plots.Histogram(b, "h", CosineSets(), -1, 1, 20);
        Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
    }

    [Fact]
    public void Writing_replaces_an_existing_file_and_leaves_no_temporary_files()
    {
        var path = temp.Sub("out.png");
        File.WriteAllText(path, "old");
        Plots.BarChart(path, "t", "y", Methods());
        PngHeader.Read(File.ReadAllBytes(path));
        Assert.Equal(["out.png"], Directory.GetFiles(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Invalid_input_is_rejected_before_anything_is_written()
    {
        var path = temp.Sub("bad.png");
        double[] x = [1, 2, 3];
        Assert.Throws<ArgumentException>(() => Plots.LineChart(path, "t", "x", "y", []));
        Assert.Throws<ArgumentException>(() => Plots.LineChart(path, "t", "x", "y", [new Series("s", x, [1, 2])]));
        Assert.Throws<ArgumentException>(() => Plots.LineChart(path, "t", "x", "y", [new Series("s", x, x, Lower: x)]));
        Assert.Throws<ArgumentException>(() => Plots.Histogram(path, "t", [], -1, 1, 10));
        Assert.Throws<ArgumentException>(() => Plots.Histogram(path, "t", [("a", [double.NaN])], -1, 1, 10));
        Assert.Throws<ArgumentException>(() => Plots.BarChart(path, "t", "y", [new BarValue("a", 5, 6, 7)]));
        Assert.Throws<ArgumentException>(() => Plots.BarChart(path, "t", "y", [new BarValue("a", 5, 4, null)]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Plots.BarChart(path, "t", "y", Methods(), width: 0));
        Assert.False(File.Exists(path));
    }

    public void Dispose() => temp.Dispose();
}
