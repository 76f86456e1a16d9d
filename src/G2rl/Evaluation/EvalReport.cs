using System.Text.Json;
using G2rl.Reporting;

namespace G2rl.Evaluation;

/// <summary>Writes an evaluation's outputs: samples.jsonl (one graded sample per line), summary.json and summary.md.</summary>
public static class EvalReport
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };

    /// <summary>The markdown table: pass@1 (with 95% bootstrap interval), maj@n, and pass@k (paper definition and unbiased) per benchmark plus the micro-average.</summary>
    public static string Markdown(EvalSummary summary)
    {
        var n = summary.Micro.Samples;
        var ks = summary.Micro.PassAtK.Keys.ToList();
        var columns = new List<MarkdownColumn> { "benchmark", "problems", new("pass@1 %", "0.0", 100) };
        columns.Add(new($"maj@{n} %", "0.0", 100));
        columns.AddRange(ks.Select(k => new MarkdownColumn($"pass@{k} %", "0.0", 100)));
        columns.AddRange(ks.Select(k => new MarkdownColumn($"pass@{k} unbiased %", "0.0", 100)));
        var table = new MarkdownTable([.. columns]);
        foreach (var row in summary.Benchmarks.Append(summary.Micro))
        {
            var cells = new List<object?> { row.Benchmark, row.Problems, (object?)row.Pass1Interval ?? row.Pass1, row.Majority };
            cells.AddRange(ks.Select(k => (object?)(row.PassAtKFirst.TryGetValue(k, out var v) ? v : null)));
            cells.AddRange(ks.Select(k => (object?)(row.PassAtK.TryGetValue(k, out var v) ? v : null)));
            table.AddRow([.. cells]);
        }
        return table.Render();
    }

    /// <summary>Writes the three files into <paramref name="directory"/> (created if needed).</summary>
    public static void Write(string directory, IReadOnlyList<EvalSample> samples, EvalSummary summary, object settings)
    {
        Directory.CreateDirectory(directory);
        AtomicFile.WriteAllText(Path.Combine(directory, "samples.jsonl"), string.Join('\n', samples.Select(s => JsonSerializer.Serialize(s, new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower }))) + "\n");
        AtomicFile.WriteAllText(Path.Combine(directory, "summary.json"), JsonSerializer.Serialize(new { settings, summary }, Json));
        AtomicFile.WriteAllText(Path.Combine(directory, "summary.md"), Markdown(summary) + "\n");
    }
}
