using System.Globalization;
using System.Text;
using System.Text.Json;

namespace G2rl.Bench;

/// <summary>Prints a report as markdown and writes it to JSON and (optionally) a section of docs/benchmarks.md.</summary>
internal static class ReportWriter
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>The markdown block: run line, models, table, legend and notes.</summary>
    public static string Markdown(BenchReport r)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Run {r.StartedUtc} ({Format.Seconds(r.WallSeconds)} s in all): {r.Machine.Summary()}.");
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Settings: {string.Join(", ", r.Settings.Select(kv => $"{kv.Key}={kv.Value}"))}.");
        sb.AppendLine();
        foreach (var m in r.Models)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"- `{m.Name}`: {Format.Count(m.Parameters)} parameters ({m.Parameters:#,0}), {m.Shape}; {m.Origin}.");
        }
        sb.AppendLine();
        sb.Append(MarkdownTable.Render(r.Rows, r.TokensColumn));
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"tokens/s = batch × {r.TokensColumn} / median seconds. Seconds: wall clock of the whole call, median over reps. CPU s: this process's CPU time (all threads) in that call, median; well below seconds × threads means the process was waiting for a core. Speedup: {r.SpeedupBaseline}. Peak memory: {r.MemoryMeasure}.");
        foreach (var n in r.Notes)
        {
            sb.AppendLine();
            sb.Append("- ").AppendLine(n);
        }
        return sb.ToString();
    }

    /// <summary>Writes the JSON file under <paramref name="folder"/>; returns its path.</summary>
    public static string WriteJson(BenchReport r, string folder, string name)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name + ".json");
        File.WriteAllText(path, JsonSerializer.Serialize(r, Json) + "\n");
        return path;
    }

    /// <summary>Prints the markdown, writes JSON and the docs section (unless <paramref name="docs"/> is "none").</summary>
    public static void Publish(BenchReport r, string outFolder, string docs, string key)
    {
        var md = Markdown(r);
        Console.WriteLine();
        Console.WriteLine(md);
        var stamp = DateTime.Parse(r.StartedUtc, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind).ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var json = WriteJson(r, outFolder, $"{key}-{stamp}");
        Console.WriteLine($"results: {json}");
        if (!string.Equals(docs, "none", StringComparison.OrdinalIgnoreCase))
        {
            DocsSection.Replace(docs, key, $"### {key}\n\n{md}\nJSON: `{RelativeToRepo(json)}`\n");
            Console.WriteLine($"docs: {docs} (section {key})");
        }
    }

    private static string RelativeToRepo(string path) =>
        RepoPaths.Root() is { } root ? Path.GetRelativePath(root, path).Replace('\\', '/') : path;
}
