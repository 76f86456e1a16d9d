namespace G2rl.Bench;

/// <summary>
/// Replaces the text between <c>&lt;!-- bench:KEY:begin --&gt;</c> and <c>&lt;!-- bench:KEY:end --&gt;</c> in a
/// markdown file (appending the marked section when absent), so a run refreshes its own results and nothing else.
/// </summary>
internal static class DocsSection
{
    public static void Replace(string path, string key, string content)
    {
        var begin = $"<!-- bench:{key}:begin -->";
        var end = $"<!-- bench:{key}:end -->";
        var block = begin + "\n" + content.TrimEnd() + "\n" + end;
        var text = File.Exists(path) ? File.ReadAllText(path) : "# Benchmarks\n";
        var i = text.IndexOf(begin, StringComparison.Ordinal);
        var j = i < 0 ? -1 : text.IndexOf(end, i, StringComparison.Ordinal);
        text = i >= 0 && j > i
            ? string.Concat(text.AsSpan(0, i), block, text.AsSpan(j + end.Length))
            : text.TrimEnd() + "\n\n" + block + "\n";
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, text);
    }
}
