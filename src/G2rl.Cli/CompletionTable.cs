using System.Globalization;
using System.Text;
using G2rl.Reporting;
using G2rl.Training;

namespace G2rl.Cli;

/// <summary>A step's groups as text tables, responses sorted by advantage (highest first): what <c>g2rl inspect</c> and <c>log.print_group</c> print.</summary>
internal static class CompletionTable
{
    private const int ResponseChars = 60;

    /// <summary>The tables of every group in <paramref name="lines"/> (or only group <paramref name="group"/>), in group order.</summary>
    public static string Format(IReadOnlyList<CompletionsLine> lines, int? group = null)
    {
        var text = new StringBuilder();
        foreach (var g in lines.GroupBy(l => l.Group).OrderBy(g => g.Key).Where(g => group is null || g.Key == group))
        {
            text.Append(FormatGroup([.. g])).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>The group with the widest advantage spread (the first on ties): the one <c>log.print_group</c> shows.</summary>
    public static IReadOnlyList<CompletionsLine> MostInformative(IReadOnlyList<CompletionsLine> lines) =>
        [.. lines.GroupBy(l => l.Group).OrderByDescending(g => g.Max(l => l.Advantage) - g.Min(l => l.Advantage)).ThenBy(g => g.Key).First()];

    /// <summary>One group: a heading line, then one row per response sorted by advantage (descending; ties by sample index).</summary>
    public static string FormatGroup(IReadOnlyList<CompletionsLine> group)
    {
        var first = group[0];
        var heading = string.Create(CultureInfo.InvariantCulture,
            $"step {first.Step} · group {first.Group} · problem {first.ProblemId} · {group.Count(l => l.Correct)}/{group.Count} correct · prompt: {Shorten(first.Prompt)}\n");
        var table = new MarkdownTable(
            "sample", new MarkdownColumn("advantage", "0.000"), new MarkdownColumn("base", "0.000"), new MarkdownColumn("shaped", "0.000"),
            new MarkdownColumn("nu", "0.000"), new MarkdownColumn("phi_cos", "0.000"), "correct", "finish", "tokens", "answer", "response");
        foreach (var l in group.OrderByDescending(l => l.Advantage).ThenBy(l => l.Sample))
        {
            table.AddRow(l.Sample, l.Advantage, l.BaseReward, l.ShapedReward, l.Nu, l.PhiCosine, l.Correct ? "yes" : "no", l.FinishReason, l.NumTokens,
                l.ExtractedAnswer is null ? "" : Shorten(l.ExtractedAnswer), Shorten(l.Response));
        }
        return heading + table.Render();
    }

    private static string Shorten(string text)
    {
        var oneLine = text.Replace("\r", "", StringComparison.Ordinal).Replace("\n", "⏎", StringComparison.Ordinal);
        return oneLine.Length <= ResponseChars ? oneLine : oneLine[..(ResponseChars - 1)] + "…";
    }
}
