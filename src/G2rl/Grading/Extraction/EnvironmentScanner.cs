namespace G2rl.Grading.Extraction;

/// <summary>
/// The math spans of a response, left to right and not overlapping, tried at each position in this order:
/// $$...$$ and \[...\] (may span lines), $...$ (one line, not after a digit or backslash) and \(...\) (one line),
/// " [...] " (one line, spaces around), and a bare numeric fraction \frac{1}{2}. A percent sign or word right
/// after a span (" %", "\%", "percent", "pct") makes it a percentage. One pass over the text.
/// </summary>
internal sealed class EnvironmentScanner
{
    private readonly string _text;
    private readonly ClosingFinder _display;
    private readonly ClosingFinder _bracket;
    private readonly ClosingFinder _parenthesis;

    private EnvironmentScanner(string text)
    {
        _text = text;
        _display = new ClosingFinder(text, "$$");
        _bracket = new ClosingFinder(text, "\\]");
        _parenthesis = new ClosingFinder(text, "\\)");
    }

    public static List<MathEnvironment> Scan(string text) => new EnvironmentScanner(text).ScanAll();

    private List<MathEnvironment> ScanAll()
    {
        var found = new List<MathEnvironment>();
        var i = 0;
        while (i < _text.Length)
        {
            if (TryAt(i) is { } environment)
            {
                found.Add(environment);
                i = environment.End;
            }
            else
            {
                i++;
            }
        }
        return found;
    }

    private MathEnvironment? TryAt(int i)
    {
        var c = _text[i];
        var escaped = i > 0 && _text[i - 1] == '\\';
        if (c == '$' && !escaped)
        {
            if (At(i + 1, "$") && Delimited(i, 2, _display, multiline: true) is { } display)
            {
                return display;
            }
            return i > 0 && char.IsAsciiDigit(_text[i - 1]) ? null : InlineDollar(i);
        }
        if (c == '\\' && !escaped && i + 1 < _text.Length)
        {
            return _text[i + 1] switch
            {
                '[' => Delimited(i, 2, _bracket, multiline: true),
                '(' => Delimited(i, 2, _parenthesis, multiline: false),
                'f' or 'd' or 't' => Fraction(i),
                _ => null,
            };
        }
        if (c == '[' && i > 0 && char.IsWhiteSpace(_text[i - 1]))
        {
            return SpacedBracket(i);
        }
        return c == '-' && At(i + 1, "\\") ? Fraction(i) : null;
    }

    private MathEnvironment? Delimited(int start, int openLength, ClosingFinder closer, bool multiline)
    {
        var close = closer.Next(start + openLength);
        if (close <= start + openLength)
        {
            return null;
        }
        if (!multiline && _text.IndexOf('\n', start, close - start) >= 0)
        {
            return null;
        }
        return WithPercent(start, close + 2, _text[(start + openLength)..close]);
    }

    private MathEnvironment? InlineDollar(int start)
    {
        var i = start + 1;
        while (i < _text.Length && _text[i] != '\n')
        {
            if (_text[i] == '\\' && i + 1 < _text.Length && _text[i + 1] == '$')
            {
                i += 2;
                continue;
            }
            if (_text[i] == '$')
            {
                return i == start + 1 ? null : WithPercent(start, i + 1, _text[(start + 1)..i]);
            }
            i++;
        }
        return null;
    }

    private MathEnvironment? SpacedBracket(int start)
    {
        var i = start + 1;
        while (i < _text.Length && _text[i] is not ('\n' or '[' or ']'))
        {
            i++;
        }
        if (i >= _text.Length || _text[i] != ']' || i == start + 1 || i + 1 >= _text.Length || !char.IsWhiteSpace(_text[i + 1]))
        {
            return null;
        }
        return WithPercent(start, i + 1, _text[(start + 1)..i]);
    }

    /// <summary>"\frac{3}{4}" (also \dfrac, \tfrac, a leading minus) with plain numbers as numerator and denominator.</summary>
    private MathEnvironment? Fraction(int start)
    {
        var i = start;
        if (_text[i] == '-')
        {
            i++;
        }
        foreach (var command in (string[])["\\frac", "\\dfrac", "\\tfrac"])
        {
            if (At(i, command))
            {
                var end = SimpleNumberInBraces(i + command.Length);
                end = end < 0 ? -1 : SimpleNumberInBraces(end);
                return end < 0 ? null : WithPercent(start, end, _text[start..end]);
            }
        }
        return null;
    }

    /// <summary>End of "{-12.5}" at <paramref name="pos"/>, or -1.</summary>
    private int SimpleNumberInBraces(int pos)
    {
        if (!At(pos, "{"))
        {
            return -1;
        }
        var i = pos + 1;
        if (At(i, "-"))
        {
            i++;
        }
        var digits = i;
        while (i < _text.Length && (char.IsAsciiDigit(_text[i]) || (_text[i] is '.' or ',' && i > digits)))
        {
            i++;
        }
        return i > digits && At(i, "}") ? i + 1 : -1;
    }

    private MathEnvironment WithPercent(int start, int end, string content)
    {
        var i = end;
        while (i < _text.Length && char.IsWhiteSpace(_text[i]) && i - end < 8)
        {
            i++;
        }
        foreach (var word in (string[])["\\%", "%", "percentage", "Percentage", "percent", "Percent", "pct", "Pct"])
        {
            if (At(i, word))
            {
                return new MathEnvironment(start, i + word.Length, content + "\\%");
            }
        }
        return new MathEnvironment(start, end, content);
    }

    private bool At(int pos, string s) => pos + s.Length <= _text.Length && string.CompareOrdinal(_text, pos, s, 0, s.Length) == 0;
}
