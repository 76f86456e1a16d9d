using System.Globalization;
using System.Text;

namespace G2rl.Tasks;

/// <summary>
/// A countdown expression in canonical form: sums and products are flattened (associativity), their operands
/// sorted (commutativity), and subtraction / division folded into the inverse operand lists, so
/// <c>a-(b-c)</c>, <c>a+c-b</c> and <c>(c+a)-b</c> all become the same value. <see cref="Text"/> prints it with
/// the fewest parentheses; two expressions are the same solution exactly when their texts are equal.
/// </summary>
internal sealed class CountdownExpr
{
    private CountdownExpr(CountdownExprKind kind, long value, CountdownExpr[] direct, CountdownExpr[] inverse, string text)
    {
        Kind = kind;
        Value = value;
        Direct = direct;
        Inverse = inverse;
        Text = text;
    }

    public CountdownExprKind Kind { get; }

    /// <summary>Exact integer value (every division on the way divided exactly).</summary>
    public long Value { get; }

    /// <summary>Sum: the added terms; product: the multiplied factors. Empty for a number.</summary>
    public IReadOnlyList<CountdownExpr> Direct { get; }

    /// <summary>Sum: the subtracted terms; product: the divisors. Empty for a number.</summary>
    public IReadOnlyList<CountdownExpr> Inverse { get; }

    /// <summary>Canonical text: e.g. <c>(2+7)*3-1</c>, <c>7+2-1</c> and <c>3*(7+2)-1</c> are all printed <c>(7+2)*3-1</c>.</summary>
    public string Text { get; }

    public static CountdownExpr Number(long value) =>
        new(CountdownExprKind.Number, value, [], [], value.ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// Combines two expressions with <paramref name="op"/> (one of <c>+ - * /</c>); null for a division by zero or
    /// one that is not exact.
    /// </summary>
    public static CountdownExpr? Combine(CountdownExpr left, char op, CountdownExpr right)
    {
        switch (op)
        {
            case '+':
                return Group(CountdownExprKind.Sum, left.Value + right.Value, left, right, swapRight: false);
            case '-':
                return Group(CountdownExprKind.Sum, left.Value - right.Value, left, right, swapRight: true);
            case '*':
                return Group(CountdownExprKind.Product, left.Value * right.Value, left, right, swapRight: false);
            case '/':
                if (right.Value == 0 || left.Value % right.Value != 0)
                {
                    return null;
                }

                return Group(CountdownExprKind.Product, left.Value / right.Value, left, right, swapRight: true);
            default:
                throw new ArgumentOutOfRangeException(nameof(op), op, "expected one of + - * /");
        }
    }

    /// <summary>
    /// The same solution with signs moved so that every sub-expression is non-negative: a negative sum is written the
    /// other way round (<c>3-11</c> becomes <c>11-3</c>) and the sign carried to its parent, where a negated term
    /// changes side (<c>4-8*(3-11)</c> becomes <c>(11-3)*8+4</c>). A zero sum takes the orientation with the smaller
    /// text. Sets <paramref name="negated"/> when the result is worth minus this expression's value.
    /// </summary>
    public CountdownExpr Normalize(out bool negated)
    {
        negated = false;
        if (Kind == CountdownExprKind.Number)
        {
            return this;
        }

        var direct = new List<CountdownExpr>();
        var inverse = new List<CountdownExpr>();
        var flips = false;
        foreach (var (operands, isDirect) in new[] { (Direct, true), (Inverse, false) })
        {
            foreach (var operand in operands)
            {
                var normal = operand.Normalize(out var operandNegated);
                flips ^= operandNegated;
                var toDirect = Kind == CountdownExprKind.Sum ? isDirect ^ operandNegated : isDirect;
                (toDirect ? direct : inverse).Add(normal);
            }
        }

        if (Kind == CountdownExprKind.Product)
        {
            negated = flips;
            return Build(Kind, Math.Abs(Value), direct, inverse);
        }

        if (Value > 0 || (Value == 0 && inverse.Count == 0))
        {
            return Build(Kind, Value, direct, inverse);
        }

        var swapped = Build(Kind, -Value, inverse, direct);
        if (Value < 0 || direct.Count == 0)
        {
            negated = true;
            return swapped;
        }

        var kept = Build(Kind, 0, direct, inverse);
        negated = string.CompareOrdinal(swapped.Text, kept.Text) < 0;
        return negated ? swapped : kept;
    }

    private static CountdownExpr Group(CountdownExprKind kind, long value, CountdownExpr left, CountdownExpr right, bool swapRight)
    {
        var direct = new List<CountdownExpr>();
        var inverse = new List<CountdownExpr>();
        Spread(left, kind, direct, inverse);
        if (swapRight)
        {
            Spread(right, kind, inverse, direct);
        }
        else
        {
            Spread(right, kind, direct, inverse);
        }

        return Build(kind, value, direct, inverse);
    }

    private static CountdownExpr Build(CountdownExprKind kind, long value, List<CountdownExpr> direct, List<CountdownExpr> inverse)
    {
        direct.Sort(CompareOperands);
        inverse.Sort(CompareOperands);
        return new CountdownExpr(kind, value, [.. direct], [.. inverse], Print(kind, direct, inverse));
    }

    /// <summary>Adds an operand's own operand lists when it is a group of the same kind, else the operand itself.</summary>
    private static void Spread(CountdownExpr operand, CountdownExprKind kind, List<CountdownExpr> direct, List<CountdownExpr> inverse)
    {
        if (operand.Kind == kind)
        {
            direct.AddRange(operand.Direct);
            inverse.AddRange(operand.Inverse);
        }
        else
        {
            direct.Add(operand);
        }
    }

    /// <summary>Larger values first, then ordinal text: a total order, so the canonical text is unique.</summary>
    private static int CompareOperands(CountdownExpr a, CountdownExpr b)
    {
        var byValue = b.Value.CompareTo(a.Value);
        return byValue != 0 ? byValue : string.CompareOrdinal(a.Text, b.Text);
    }

    private static string Print(CountdownExprKind kind, List<CountdownExpr> direct, List<CountdownExpr> inverse)
    {
        var (plus, minus) = kind == CountdownExprKind.Sum ? ('+', '-') : ('*', '/');
        var sb = new StringBuilder();
        for (var i = 0; i < direct.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(plus);
            }

            AppendOperand(sb, kind, direct[i]);
        }

        foreach (var operand in inverse)
        {
            sb.Append(minus);
            AppendOperand(sb, kind, operand);
        }

        return sb.ToString();
    }

    /// <summary>Operands of a sum are numbers or products (no parentheses); operands of a product that are sums need them.</summary>
    private static void AppendOperand(StringBuilder sb, CountdownExprKind parent, CountdownExpr operand)
    {
        var parenthesize = parent == CountdownExprKind.Product && operand.Kind == CountdownExprKind.Sum;
        if (parenthesize)
        {
            sb.Append('(').Append(operand.Text).Append(')');
        }
        else
        {
            sb.Append(operand.Text);
        }
    }
}
