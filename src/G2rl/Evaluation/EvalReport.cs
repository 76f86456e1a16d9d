using System.Text.Json;
using G2rl.Reporting;

namespace G2rl.Evaluation;

/// <summary>Writes an evaluation's outputs: samples.jsonl (one graded sample per line), summary.json and summary.md.</summary>
public static class EvalReport
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Converters = { new FiniteOrNullConverter(), new FiniteOrNullFloatConverter() },
    };

    private static readonly JsonSerializerOptions Line = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new FiniteOrNullConverter(), new FiniteOrNullFloatConverter() },
    };

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
        AtomicFile.WriteAllText(Path.Combine(directory, "samples.jsonl"), string.Join('\n', samples.Select(SampleLine)) + "\n");
        AtomicFile.WriteAllText(Path.Combine(directory, "summary.json"), JsonSerializer.Serialize(new { settings, summary }, Json));
        AtomicFile.WriteAllText(Path.Combine(directory, "summary.md"), Markdown(summary) + "\n");
    }

    /// <summary>One samples.jsonl line.</summary>
    public static string SampleLine(EvalSample sample) => JsonSerializer.Serialize(sample, Line);

    /// <summary>
    /// Prepares <paramref name="directory"/> before any work: created, and probed writable, so that a long evaluation
    /// cannot end unable to write. Errors name the folder.
    /// </summary>
    public static void CheckWritable(string directory)
    {
        try
        {
            if (File.Exists(directory))
            {
                throw new G2rlException($"--out {directory} is a file, not a folder");
            }
            Directory.CreateDirectory(directory);
            var probe = Path.Combine(directory, $".write-test-{Guid.NewGuid():N}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new G2rlException($"--out {directory} is not writable: {ex.Message}", ex);
        }
    }

    /// <summary>Appends graded samples to samples.jsonl and flushes them (eval streams each batch as it finishes).</summary>
    public static void AppendSamples(string directory, IReadOnlyList<EvalSample> samples)
    {
        using var writer = new StreamWriter(Path.Combine(directory, "samples.jsonl"), append: true);
        foreach (var sample in samples)
        {
            writer.WriteLine(SampleLine(sample));
        }
        writer.Flush();
        writer.BaseStream.Flush();
    }

    /// <summary>Writes benchmark-&lt;name&gt;.json (atomically) once a benchmark has finished.</summary>
    public static void WriteBenchmarkMetrics(string directory, string benchmark, BenchmarkMetrics metrics) =>
        AtomicFile.WriteAllText(Path.Combine(directory, $"benchmark-{SafeName(benchmark)}.json"), JsonSerializer.Serialize(metrics, Json));

    private static string SafeName(string name) => new([.. name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_')]);
}
