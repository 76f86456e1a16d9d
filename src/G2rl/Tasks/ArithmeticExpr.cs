using System.Globalization;
using System.Text;

namespace G2rl.Tasks;

/// <summary>
/// An arithmetic expression over non-negative integers with <c>+ - *</c> as an n-ary tree: a sum's terms are numbers,
/// products, or parenthesised sums that are subtracted (<c>9-(5-2)</c>); a product's factors are numbers or
/// parenthesised sums. <see cref="Text"/> prints it with exactly the parentheses this structure needs.
/// </summary>
internal sealed class ArithmeticExpr
{
    private ArithmeticExpr(ArithmeticKind kind, long value, ArithmeticTerm[] terms, string text)
    {
        Kind = kind;
        Value = value;
        Terms = terms;
        Text = text;
    }

    public ArithmeticKind Kind { get; }

    public bool IsNumber => Kind == ArithmeticKind.Number;

    /// <summary>The exact value.</summary>
    public long Value { get; }

    /// <summary>The operands of a sum or product, in order; empty for a number.</summary>
    public IReadOnlyList<ArithmeticTerm> Terms { get; }

    public string Text { get; }

    public static ArithmeticExpr Number(long value) =>
        new(ArithmeticKind.Number, value, [], value.ToString(CultureInfo.InvariantCulture));

    /// <summary>A sum or product of at least two operands; a sum's first operand must not be subtracted.</summary>
    public static ArithmeticExpr Group(ArithmeticKind kind, IReadOnlyList<ArithmeticTerm> terms)
    {
        if (kind == ArithmeticKind.Number || terms.Count < 2 || terms[0].Minus || (kind == ArithmeticKind.Product && terms.Any(t => t.Minus)))
        {
            throw new ArgumentException("a group needs two or more operands, the first (and every factor) not subtracted", nameof(terms));
        }

        var value = kind == ArithmeticKind.Sum
            ? terms.Sum(t => t.Minus ? -t.Expr.Value : t.Expr.Value)
            : terms.Aggregate(1L, (acc, t) => acc * t.Expr.Value);
        var sb = new StringBuilder();
        for (var i = 0; i < terms.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(kind == ArithmeticKind.Product ? '*' : terms[i].Minus ? '-' : '+');
            }

            var inner = terms[i].Expr;
            var parenthesize = inner.Kind == ArithmeticKind.Sum || (kind == ArithmeticKind.Product && inner.Kind == ArithmeticKind.Product);
            sb.Append(parenthesize ? "(" + inner.Text + ")" : inner.Text);
        }

        return new ArithmeticExpr(kind, value, [.. terms], sb.ToString());
    }

    /// <summary>
    /// Every expression one evaluation step away: two adjacent number operands of one group are replaced by their
    /// result. In a sum, <c>±x ±y</c> may combine when the result keeps the left sign and is non-negative
    /// (<c>a-b-c</c> may become <c>a-(b+c)</c>, written with the sum's value); a group left with one operand is
    /// replaced by it. Steps inside parenthesised operands count as well.
    /// </summary>
    public IEnumerable<ArithmeticExpr> Steps()
    {
        for (var i = 0; i + 1 < Terms.Count; i++)
        {
            var (left, right) = (Terms[i], Terms[i + 1]);
            if (!left.Expr.IsNumber || !right.Expr.IsNumber)
            {
                continue;
            }

            long value;
            if (Kind == ArithmeticKind.Product)
            {
                value = left.Expr.Value * right.Expr.Value;
            }
            else
            {
                value = left.Minus == right.Minus ? left.Expr.Value + right.Expr.Value : left.Expr.Value - right.Expr.Value;
                if (value < 0)
                {
                    continue;
                }
            }

            yield return Replace(i, 2, new ArithmeticTerm(left.Minus, Number(value)));
        }

        for (var i = 0; i < Terms.Count; i++)
        {
            foreach (var inner in Terms[i].Expr.Steps())
            {
                yield return Replace(i, 1, Terms[i] with { Expr = inner });
            }
        }
    }

    private ArithmeticExpr Replace(int index, int count, ArithmeticTerm replacement)
    {
        var terms = new List<ArithmeticTerm>(Terms);
        terms.RemoveRange(index, count);
        terms.Insert(index, replacement);
        return terms.Count == 1 ? terms[0].Expr : Group(Kind, terms);
    }
}
