using System.Text.Json;
using G2rl.Exploration;

namespace G2rl.Reporting;

/// <summary>Writes a geometry analysis: summary.json, a markdown table, and cosine histograms (gradient and semantic space) as PNG.</summary>
public static class GeometryReport
{
    /// <summary>Mean pairwise cosine, negative-pair share and near-orthogonal share per model, in both spaces.</summary>
    public static string Table(IReadOnlyList<GeometryResult> results)
    {
        var table = new MarkdownTable("model", "pairs", new("Φ cos mean", "0.000"), new("Φ neg. pairs %", "0.0", 100), new("Φ |cos|<0.1 %", "0.0", 100),
            new("embedding cos mean", "0.000"), new("embedding neg. pairs %", "0.0", 100));
        foreach (var r in results)
        {
            table.AddRow(r.Model, r.Gradient.Pairs, r.Gradient.Mean, r.Gradient.NegativeShare, r.Gradient.NearOrthogonalShare, r.Semantic?.Mean, r.Semantic?.NegativeShare);
        }
        return table.Render();
    }

    public static void Write(string directory, IReadOnlyList<GeometryResult> results)
    {
        Directory.CreateDirectory(directory);
        var summary = results.Select(r => new { model = r.Model, problems = r.ProblemIds.Count, gradient = Strip(r.Gradient), semantic = r.Semantic is null ? null : Strip(r.Semantic) });
        AtomicFile.WriteAllText(Path.Combine(directory, "summary.json"), JsonSerializer.Serialize(summary, new JsonSerializerOptions { WriteIndented = true }));
        AtomicFile.WriteAllText(Path.Combine(directory, "summary.md"), Table(results) + "\n");
        Plots.Histogram(Path.Combine(directory, "gradient_cosine_hist.png"), "Pairwise cosine of gradient features Φ within problems",
            [.. results.Select(r => (Name(r.Model), r.GradientPairs.SelectMany(p => p).ToArray()))], -1, 1, 40, xLabel: "cosine");
        if (results.All(r => r.SemanticPairs is not null))
        {
            Plots.Histogram(Path.Combine(directory, "semantic_cosine_hist.png"), "Pairwise cosine of sentence embeddings within problems",
                [.. results.Select(r => (Name(r.Model), r.SemanticPairs!.SelectMany(p => p).ToArray()))], -1, 1, 40, xLabel: "cosine");
        }
    }

    private static object Strip(G2rl.Evaluation.CosineSummary s) => new
    {
        pairs = s.Pairs,
        mean = s.Mean,
        mean_of_group_means = s.MeanOfGroupMeans,
        negative_share = s.NegativeShare,
        near_orthogonal_share = s.NearOrthogonalShare,
        histogram = new { min = s.Histogram.Min, max = s.Histogram.Max, counts = s.Histogram.Counts },
    };

    private static string Name(string model) => Path.GetFileName(model.TrimEnd('/')) is { Length: > 0 } n ? n : model;
}
