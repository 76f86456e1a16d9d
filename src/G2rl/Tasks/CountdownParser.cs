namespace G2rl.Tasks;

/// <summary>
/// Recursive-descent parser of a countdown expression (<c>+ - * /</c>, parentheses, usual precedence, left
/// associative, no unary minus, spaces ignored) that consumes each literal from the multiset of given numbers.
/// Any malformed input, an unavailable number, or an inexact division yields null; it never throws.
/// </summary>
internal sealed class CountdownParser
{
    /// <summary>Parentheses nested deeper than this are rejected (no real solution needs more than a few).</summary>
    public const int MaxDepth = 16;

    private readonly string text;
    private readonly Dictionary<int, int> available;
    private int pos;
    private int depth;

    private CountdownParser(string text, IEnumerable<int> numbers)
    {
        this.text = text;
        available = [];
        foreach (var n in numbers)
        {
            available[n] = available.GetValueOrDefault(n) + 1;
        }
    }

    /// <summary>The canonical form of <paramref name="expression"/>, or null when it is not a valid use of <paramref name="numbers"/>.</summary>
    public static CountdownExpr? Parse(string expression, IEnumerable<int> numbers)
    {
        var parser = new CountdownParser(expression, numbers);
        var result = parser.ParseSum();
        parser.SkipSpaces();
        return parser.pos == parser.text.Length ? result : null;
    }

    private CountdownExpr? ParseSum()
    {
        var left = ParseProduct();
        while (left is not null && TryTake('+', '-', out var op))
        {
            var right = ParseProduct();
            left = right is null ? null : CountdownExpr.Combine(left, op, right);
        }

        return left;
    }

    private CountdownExpr? ParseProduct()
    {
        var left = ParseFactor();
        while (left is not null && TryTake('*', '/', out var op))
        {
            var right = ParseFactor();
            left = right is null ? null : CountdownExpr.Combine(left, op, right);
        }

        return left;
    }

    private CountdownExpr? ParseFactor()
    {
        SkipSpaces();
        if (pos >= text.Length)
        {
            return null;
        }

        if (text[pos] == '(')
        {
            if (++depth > MaxDepth)
            {
                return null;
            }

            pos++;
            var inner = ParseSum();
            SkipSpaces();
            if (inner is null || pos >= text.Length || text[pos] != ')')
            {
                return null;
            }

            pos++;
            depth--;
            return inner;
        }

        return ParseNumber();
    }

    /// <summary>A decimal literal without leading zeros that is still available in the multiset.</summary>
    private CountdownExpr? ParseNumber()
    {
        var start = pos;
        while (pos < text.Length && char.IsAsciiDigit(text[pos]) && pos - start <= 9)
        {
            pos++;
        }

        var length = pos - start;
        if (length == 0 || length > 9 || (length > 1 && text[start] == '0'))
        {
            return null;
        }

        var value = int.Parse(text.AsSpan(start, length), provider: System.Globalization.CultureInfo.InvariantCulture);
        if (available.GetValueOrDefault(value) == 0)
        {
            return null;
        }

        available[value]--;
        return CountdownExpr.Number(value);
    }

    private bool TryTake(char a, char b, out char op)
    {
        SkipSpaces();
        op = pos < text.Length ? text[pos] : '\0';
        if (op != a && op != b)
        {
            return false;
        }

        pos++;
        return true;
    }

    private void SkipSpaces()
    {
        while (pos < text.Length && text[pos] == ' ')
        {
            pos++;
        }
    }
}
