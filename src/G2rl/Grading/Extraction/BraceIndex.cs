namespace G2rl.Grading.Extraction;

/// <summary>
/// The matching '}' of every '{' of a text, found in one linear pass (escaped braces \{ \} are skipped), so
/// looking up where a box ends costs O(1) however many unclosed boxes the text holds.
/// </summary>
internal sealed class BraceIndex
{
    private readonly Dictionary<int, int> _close = [];

    public BraceIndex(string text)
    {
        var open = new Stack<int>();
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '\\':
                    i++;
                    break;
                case '{':
                    open.Push(i);
                    break;
                case '}' when open.Count > 0:
                    _close[open.Pop()] = i;
                    break;
            }
        }
    }

    /// <summary>Index of the '}' closing the '{' at <paramref name="open"/>, or -1 when it is never closed.</summary>
    public int CloseOf(int open) => _close.TryGetValue(open, out var close) ? close : -1;
}
