using System.Globalization;

namespace G2rl.Tasks;

/// <summary>
/// Parses an arithmetic task expression (non-negative integers, <c>+ - *</c>, parentheses, no spaces, no unary minus)
/// into the normal n-ary form of <see cref="ArithmeticExpr"/>: <c>a+(b-c)</c> and <c>(a+b)-c</c> flatten to
/// <c>a+b-c</c>, <c>a*(b*c)</c> to <c>a*b*c</c>, while <c>a-(b+c)</c> and <c>(a+b)*c</c> keep their parentheses.
/// Returns null for anything malformed; never throws.
/// </summary>
internal sealed class ArithmeticParser
{
    private const int MaxLength = 64;
    private const int MaxDepth = 8;

    private readonly string text;
    private int pos;
    private int depth;

    private ArithmeticParser(string text) => this.text = text;

    public static ArithmeticExpr? Parse(string? expression)
    {
        if (string.IsNullOrEmpty(expression) || expression.Length > MaxLength)
        {
            return null;
        }

        var parser = new ArithmeticParser(expression);
        var result = parser.ParseSum();
        return parser.pos == expression.Length ? result : null;
    }

    private ArithmeticExpr? ParseSum()
    {
        var first = ParseProduct();
        if (first is null)
        {
            return null;
        }

        var terms = new List<ArithmeticTerm>();
        AddTerm(terms, minus: false, first);
        while (pos < text.Length && text[pos] is '+' or '-')
        {
            var minus = text[pos++] == '-';
            var next = ParseProduct();
            if (next is null)
            {
                return null;
            }

            AddTerm(terms, minus, next);
        }

        return terms.Count == 1 ? terms[0].Expr : ArithmeticExpr.Group(ArithmeticKind.Sum, terms);
    }

    /// <summary>An added sum is spliced in (its signs kept); a subtracted one stays a parenthesised term.</summary>
    private static void AddTerm(List<ArithmeticTerm> terms, bool minus, ArithmeticExpr term)
    {
        if (!minus && term.Kind == ArithmeticKind.Sum)
        {
            terms.AddRange(term.Terms);
        }
        else
        {
            terms.Add(new ArithmeticTerm(minus, term));
        }
    }

    private ArithmeticExpr? ParseProduct()
    {
        var factors = new List<ArithmeticTerm>();
        while (true)
        {
            var factor = ParseFactor();
            if (factor is null)
            {
                return null;
            }

            if (factor.Kind == ArithmeticKind.Product)
            {
                factors.AddRange(factor.Terms);
            }
            else
            {
                factors.Add(new ArithmeticTerm(false, factor));
            }

            if (pos >= text.Length || text[pos] != '*')
            {
                break;
            }

            pos++;
        }

        return factors.Count == 1 ? factors[0].Expr : ArithmeticExpr.Group(ArithmeticKind.Product, factors);
    }

    private ArithmeticExpr? ParseFactor()
    {
        if (pos < text.Length && text[pos] == '(')
        {
            if (++depth > MaxDepth)
            {
                return null;
            }

            pos++;
            var inner = ParseSum();
            if (inner is null || pos >= text.Length || text[pos] != ')')
            {
                return null;
            }

            pos++;
            depth--;
            return inner;
        }

        var start = pos;
        while (pos < text.Length && char.IsAsciiDigit(text[pos]))
        {
            pos++;
        }

        var length = pos - start;
        return length is 0 or > 9 || (length > 1 && text[start] == '0')
            ? null
            : ArithmeticExpr.Number(long.Parse(text.AsSpan(start, length), CultureInfo.InvariantCulture));
    }
}
