using System.Globalization;
using System.Text;

namespace G2rl.Exploration;

/// <summary>
/// The "clean text" step of BERT's basic tokenizer, which the packaged MiniLM tokenizer lacks: it splits words on
/// the space character only, so "step\nNext" would become one unknown word. Every whitespace run becomes one space,
/// control and format characters and U+FFFD are dropped, and the ends are trimmed.
/// </summary>
internal static class BertTextCleaner
{
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (IsDropped(c))
            {
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }
            builder.Append(c);
        }
        return builder.ToString();
    }

    private static bool IsDropped(char c) =>
        c == '\uFFFD' || char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format;
}
