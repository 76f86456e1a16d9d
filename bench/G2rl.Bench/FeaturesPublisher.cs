using System.Globalization;
using System.Text.Json;

namespace G2rl.Bench;

/// <summary>Prints a <c>features</c> report and writes its JSON and (unless --docs none) its docs section, as <see cref="ReportWriter"/> does for the throughput benchmarks.</summary>
internal static class FeaturesPublisher
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static void Publish(FeaturesReport r, string outFolder, string docs, string key)
    {
        var md = FeaturesMarkdown.Render(r);
        Console.WriteLine();
        Console.WriteLine(md);
        var stamp = DateTime.Parse(r.StartedUtc, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind).ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        Directory.CreateDirectory(outFolder);
        var json = Path.Combine(outFolder, $"{key}-{stamp}.json");
        File.WriteAllText(json, JsonSerializer.Serialize(r, Json) + "\n");
        Console.WriteLine($"results: {json}");
        if (!string.Equals(docs, "none", StringComparison.OrdinalIgnoreCase))
        {
            var relative = RepoPaths.Root() is { } root ? Path.GetRelativePath(root, json).Replace('\\', '/') : json;
            DocsSection.Replace(docs, key, $"### {key}\n\n{md}\nJSON: `{relative}`\n");
            Console.WriteLine($"docs: {docs} (section {key})");
        }
    }
}
