namespace G2rl.Tasks;

/// <summary>The content of the last <c>\boxed{…}</c> of a text (no nested braces), or null.</summary>
internal static class BoxedAnswer
{
    public const string Opening = "\\boxed{";

    public static string? Extract(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var start = text.LastIndexOf(Opening, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        start += Opening.Length;
        var end = text.IndexOf('}', start);
        if (end < 0)
        {
            return null;
        }

        var content = text[start..end];
        return content.Contains('{', StringComparison.Ordinal) ? null : content.Trim();
    }
}
