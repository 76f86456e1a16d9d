namespace G2rl.Grading.Extraction;

/// <summary>
/// Boxes: \boxed{...} and \fbox{...} (braces matched) or the shorthand "\boxed 5". The answer is the last
/// complete, non-empty box; the boxes just before it that <see cref="BoxSeparator"/> joins to it ("\boxed{1},
/// \boxed{2}", "\boxed{(2, 2)} \text{ and } \boxed{(6, 2)}") make it a list. Linear in the length of the text.
/// </summary>
internal static class BoxedExtractor
{
    private static readonly string[] Commands = ["\\boxed", "\\fbox"];

    /// <summary>Most boxes joined into one answer.</summary>
    public const int MaxJoined = 16;

    /// <summary>Content of the last complete, non-empty box, or null.</summary>
    public static string? LastBoxed(string text) => Boxes(text) is { Count: > 0 } boxes ? Last(boxes).Text : null;

    /// <summary>The answer of the boxes (several joined with ", "), or null when there is no complete box.</summary>
    public static Candidate? Answer(string text, int priority)
    {
        var boxes = Boxes(text);
        if (boxes.Count == 0)
        {
            return null;
        }
        var last = Last(boxes);
        var group = new List<Candidate> { last };
        for (var i = boxes.IndexOf(last) - 1; i >= 0 && group.Count < MaxJoined; i--)
        {
            var previous = boxes[i];
            if (previous.End > group[0].Start || !BoxSeparator.Joins(text, previous.End, group[0].Start, previous.Text, group[0].Text))
            {
                break;
            }
            if (previous.Text != group[0].Text)
            {
                group.Insert(0, previous);
            }
            else
            {
                group[0] = group[0] with { Start = previous.Start }; // the same answer boxed twice counts once
            }
        }
        var joined = string.Join(", ", group.Select(b => b.Text));
        return new Candidate(group[0].Start, last.End, joined, priority);
    }

    /// <summary>The box that ends last (an outer box wins over one nested in it).</summary>
    private static Candidate Last(List<Candidate> boxes) => boxes.MaxBy(b => b.End);

    /// <summary>Every complete, non-empty box in order of position.</summary>
    private static List<Candidate> Boxes(string text)
    {
        var starts = new List<(int Index, int Length)>();
        foreach (var command in Commands)
        {
            for (var i = text.IndexOf(command, StringComparison.Ordinal); i >= 0; i = text.IndexOf(command, i + command.Length, StringComparison.Ordinal))
            {
                starts.Add((i, command.Length));
            }
        }
        starts.Sort();
        var boxes = new List<Candidate>();
        if (starts.Count == 0)
        {
            return boxes;
        }
        var braces = new BraceIndex(text);
        foreach (var (index, length) in starts)
        {
            if (Read(text, index + length, braces) is var (content, end) && content.Trim().Length > 0)
            {
                boxes.Add(new Candidate(index, end, content.Trim(), 0));
            }
        }
        return boxes;
    }

    /// <summary>Content and end of the box whose argument starts at <paramref name="pos"/>, or null.</summary>
    private static (string Content, int End)? Read(string text, int pos, BraceIndex braces)
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
            var close = braces.CloseOf(pos);
            return close < 0 ? null : (text[(pos + 1)..close], close + 1);
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
        return (text[pos..end], end);
    }
}
