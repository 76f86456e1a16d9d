using System.Text;

namespace G2rl.Bench;

/// <summary>Renders result rows as a GitHub markdown table.</summary>
internal static class MarkdownTable
{
    /// <summary>The table; <paramref name="tokensHeader"/> names the per-row token column ("new tokens", "prompt tokens").</summary>
    public static string Render(IReadOnlyList<ResultRow> rows, string tokensHeader)
    {
        var sb = new StringBuilder();
        var tensors = rows.Any(r => r.TensorsPerStep is not null);
        sb.AppendLine($"| model | params | batch | method | {tokensHeader} | reps | seconds (median) | CPU s | tokens/s | speedup | peak memory |{(tensors ? " tensors/step |" : "")} check |");
        sb.AppendLine($"| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |{(tensors ? " ---: |" : "")} --- |");
        foreach (var r in rows)
        {
            sb.Append("| ").Append(r.Model)
              .Append(" | ").Append(Format.Count(r.Parameters))
              .Append(" | ").Append(Format.Int(r.Batch))
              .Append(" | ").Append(r.Method)
              .Append(" | ").Append(Format.Int(r.Tokens))
              .Append(" | ").Append(Format.Int(r.Seconds.Count))
              .Append(" | ").Append(Format.Seconds(r.MedianSeconds))
              .Append(" | ").Append(r.MedianCpuSeconds is { } cpu ? Format.Seconds(cpu) : "—")
              .Append(" | ").Append(Format.Rate(r.TokensPerSecond))
              .Append(" | ").Append(Format.Ratio(r.Speedup))
              .Append(" | ").Append(Format.Bytes(r.PeakMemoryBytes))
              .Append(tensors ? " | " + (r.TensorsPerStep is { } t ? t.ToString("0", System.Globalization.CultureInfo.InvariantCulture) : "—") : "")
              .Append(" | ").Append(r.Check ?? string.Empty)
              .AppendLine(" |");
        }
        return sb.ToString();
    }
}
