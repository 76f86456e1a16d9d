using System.Text;

namespace G2rl.Grading.Extraction;

/// <summary>
/// Numbers and simple arithmetic written outside math delimiters, as Math-Verify's expression patterns read
/// them. A number starts the text or follows white space or '=' (optionally "**" and a currency sign), so
/// "AZYUK2A" holds none. Forms, first match wins: thousands groups "1,234,567.5" / "1 000"; a decimal point
/// or comma "3.5" / "1000,99"; ".4"; an integer. A percent sign or word after it makes it a percentage.
/// Arithmetic: digits, spaces, . + - * × / ^ ( ) ÷ with at least one operator ("10/9", "(9+1)").
/// Results are normalised: separators dropped, decimal comma to point, leading zeros dropped.
/// </summary>
internal static class PlainNumberScanner
{
    private const string Currency = "$€£¥₹₽₪₩₫฿₡₢₣₤₥₦₧₨₭₮₯₰₱₲₳₴₵₶₷₸₺₻₼₾₿";
    private const string Operators = "+-*×/^()÷";

    /// <summary>Numbers (and expressions) kept from the end of the text.</summary>
    public const int MaxKept = 64;

    /// <summary>Characters scanned for plain numbers, from the end of the text (the answer is near the end).</summary>
    public const int MaxScanned = 20_000;

    /// <summary>Every number and arithmetic expression of <paramref name="text"/> with its span.</summary>
    public static List<Candidate> Scan(string text, int priority)
    {
        var from = Math.Max(0, text.Length - MaxScanned);
        var numbers = new List<Candidate>();
        ScanNumbers(text, from, priority, numbers);
        var expressions = new List<Candidate>();
        ScanExpressions(text, from, priority, expressions);
        // Only the last ones can win (the latest end is tried first): keep the work after the scan bounded.
        return [.. numbers.TakeLast(MaxKept), .. expressions.TakeLast(MaxKept)];
    }

    /// <summary>The number that is the whole of <paramref name="text"/> (trimmed), normalised, or null.</summary>
    public static string? WholeNumber(string text)
    {
        var s = text.Trim();
        return s.Length > 0 && NumberAt(s, 0) is var (end, value) && end == s.Length ? value : null;
    }

    /// <summary>Whether a number or expression may start at <paramref name="pos"/> (after the anchor).</summary>
    public static int AnchoredStart(string text, int pos)
    {
        var i = pos;
        if (i > 0 && Currency.Contains(text[i - 1], StringComparison.Ordinal))
        {
            i--;
        }
        if (i >= 2 && text[i - 1] == '*' && text[i - 2] == '*')
        {
            i -= 2;
        }
        return i == 0 || char.IsWhiteSpace(text[i - 1]) || text[i - 1] == '=' ? i : -1;
    }

    private static void ScanNumbers(string text, int from, int priority, List<Candidate> found)
    {
        var i = from;
        while (i < text.Length)
        {
            var c = text[i];
            if ((char.IsAsciiDigit(c) || c is '-' or '.') && (i == 0 || !char.IsAsciiDigit(text[i - 1]))
                && AnchoredStart(text, i) is var anchor and >= 0 && NumberAt(text, i) is var (end, value))
            {
                found.Add(new Candidate(anchor, end, value, priority));
                i = end;
                continue;
            }
            i++;
        }
    }

    private static void ScanExpressions(string text, int from, int priority, List<Candidate> found)
    {
        var i = from;
        while (i < text.Length)
        {
            if (!char.IsAsciiDigit(text[i]) && text[i] is not ('-' or '('))
            {
                i++;
                continue;
            }
            if (ExpressionAt(text, i) is var (end, value) && AnchoredStart(text, i) is var anchor and >= 0)
            {
                found.Add(new Candidate(anchor, end, value, priority));
                i = end;
                continue;
            }
            // A later start inside the same run of expression characters ends where this one does and fails
            // the same way, so skip the run: the scan stays linear.
            i = Math.Max(i + 1, RunEnd(text, i));
        }
    }

    private static int RunEnd(string text, int i)
    {
        while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] is '.' or ' ' or '\t' || Operators.Contains(text[i], StringComparison.Ordinal)))
        {
            i++;
        }
        return i;
    }

    /// <summary>"-(3+4)/2" style arithmetic starting at <paramref name="pos"/>: end and text, or null.</summary>
    public static (int End, string Value)? ExpressionAt(string text, int pos)
    {
        var i = pos;
        if (At(text, i, '-'))
        {
            i++;
        }
        if (At(text, i, '('))
        {
            i++;
        }
        if (At(text, i, '-'))
        {
            i++;
        }
        if (i >= text.Length || !char.IsAsciiDigit(text[i]))
        {
            return null;
        }
        var end = i;
        while (end < text.Length && (char.IsAsciiDigit(text[end]) || text[end] is '.' or ' ' or '\t' || Operators.Contains(text[end], StringComparison.Ordinal)))
        {
            end++;
        }
        while (end > i && text[end - 1] is ' ' or '\t' or '.' or '(')
        {
            end--;
        }
        var body = text[pos..end];
        var hasOperator = body.AsSpan(i - pos + 1).IndexOfAny(Operators) >= 0;
        var suffixOk = end == text.Length || char.IsWhiteSpace(text[end]) || text[end] is '.' or ',' or ':' or ')' or '$' or '*';
        if (!hasOperator || !suffixOk || Operators.Contains(body[^1], StringComparison.Ordinal) && body[^1] != ')')
        {
            return null;
        }
        return (end, body.Replace('×', '*').Replace('÷', '/'));
    }

    /// <summary>The number starting at <paramref name="pos"/>: its end (after a percent mark) and normalised text.</summary>
    private static (int End, string Value)? NumberAt(string text, int pos)
    {
        var i = pos;
        var negative = At(text, i, '-');
        if (negative)
        {
            i++;
        }
        var (integer, fraction, end) = Grouped(text, i) ?? Decimal(text, i) ?? (null, null, -1);
        if (end < 0)
        {
            return null;
        }
        if (negative && integer is null)
        {
            return null; // "-.5" is not one of the forms
        }
        var digits = (integer ?? "").TrimStart('0');
        var value = new StringBuilder(negative ? "-" : "");
        value.Append(digits.Length == 0 ? "0" : digits);
        if (fraction is not null)
        {
            value.Append('.').Append(fraction);
        }
        var percentEnd = PercentEnd(text, end);
        if (percentEnd > end)
        {
            value.Append("\\%");
        }
        return (percentEnd, value.ToString());
    }

    /// <summary>"1,234,567" or "1 000" (first group 1-3 digits, not starting with 0), then an optional ".5".</summary>
    private static (string?, string?, int)? Grouped(string text, int i)
    {
        var first = i;
        while (first < text.Length && char.IsAsciiDigit(text[first]) && first - i < 4)
        {
            first++;
        }
        var length = first - i;
        if (length is < 1 or > 3 || text[i] == '0')
        {
            return null;
        }
        var integer = new StringBuilder(text[i..first]);
        var end = first;
        while (end + 3 < text.Length && text[end] is ',' or ' ' && IsDigits(text, end + 1, 3))
        {
            integer.Append(text, end + 1, 3);
            end += 4;
        }
        if (end == first)
        {
            return null;
        }
        if (At(text, end, '.') && end + 1 < text.Length && char.IsAsciiDigit(text[end + 1]))
        {
            var f = end + 1;
            while (f < text.Length && char.IsAsciiDigit(text[f]))
            {
                f++;
            }
            return (integer.ToString(), text[(end + 1)..f], f);
        }
        return (integer.ToString(), null, end);
    }

    /// <summary>"123.45", "123,45", ".45" or "123".</summary>
    private static (string?, string?, int)? Decimal(string text, int i)
    {
        var end = i;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
        {
            end++;
        }
        string? integer = end > i ? text[i..end] : null;
        if (end < text.Length && (text[end] == '.' || (text[end] == ',' && integer is not null))
            && end + 1 < text.Length && char.IsAsciiDigit(text[end + 1]))
        {
            var f = end + 1;
            while (f < text.Length && char.IsAsciiDigit(text[f]))
            {
                f++;
            }
            return (integer, text[(end + 1)..f], f);
        }
        return integer is null ? null : (integer, null, end);
    }

    private static int PercentEnd(string text, int end)
    {
        var i = end;
        while (i < text.Length && text[i] == ' ' && i - end < 3)
        {
            i++;
        }
        foreach (var word in (string[])["%", "percentage", "Percentage", "percent", "Percent", "pct", "Pct"])
        {
            if (string.CompareOrdinal(text, i, word, 0, word.Length) == 0 && i + word.Length <= text.Length)
            {
                return i + word.Length;
            }
        }
        return end;
    }

    private static bool IsDigits(string text, int start, int count)
    {
        for (var k = start; k < start + count; k++)
        {
            if (k >= text.Length || !char.IsAsciiDigit(text[k]))
            {
                return false;
            }
        }
        return start + count >= text.Length || !char.IsAsciiDigit(text[start + count]);
    }

    private static bool At(string text, int pos, char c) => pos < text.Length && text[pos] == c;
}
