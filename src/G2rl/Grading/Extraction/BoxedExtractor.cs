using G2rl.Grading.Parsing;

namespace G2rl.Grading.Extraction;

/// <summary>Finds the content of the last \boxed{...} or \fbox{...} (braces matched), or of the shorthand "\boxed 5".</summary>
internal static class BoxedExtractor
{
    private static readonly string[] Commands = ["\\boxed", "\\fbox"];

    /// <summary>Content of the last complete, non-empty box, or null.</summary>
    public static string? LastBoxed(string text)
    {
        var searchEnd = text.Length;
        while (searchEnd > 0)
        {
            var (index, length) = LastCommand(text, searchEnd - 1);
            if (index < 0)
            {
                return null;
            }
            var content = ReadContent(text, index + length)?.Trim();
            if (!string.IsNullOrEmpty(content))
            {
                return content;
            }
            searchEnd = index;
        }
        return null;
    }

    private static (int Index, int Length) LastCommand(string text, int startIndex)
    {
        var best = (Index: -1, Length: 0);
        foreach (var command in Commands)
        {
            var index = text.LastIndexOf(command, startIndex, StringComparison.Ordinal);
            if (index > best.Index)
            {
                best = (index, command.Length);
            }
        }
        return best;
    }

    private static string? ReadContent(string text, int pos)
    {
        if (pos < text.Length && char.IsAsciiLetter(text[pos]))
        {
            return null; // a longer command such as \boxedsomething
        }
        var start = pos;
        while (pos < text.Length && char.IsWhiteSpace(text[pos]))
        {
            pos++;
        }
        if (pos >= text.Length)
        {
            return null;
        }
        if (text[pos] == '{')
        {
            var close = BraceMatcher.FindClose(text, pos);
            return close < 0 ? null : text[(pos + 1)..close];
        }
        if (pos == start)
        {
            return null; // "\boxed(" or similar: not the shorthand
        }
        var end = pos;
        while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] != '$')
        {
            end++;
        }
        return text[pos..end];
    }
}
