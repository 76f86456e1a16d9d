using System.Numerics;
using G2rl.Grading.Syntax;

namespace G2rl.Grading.Numerics;

/// <summary>
/// Evaluates a scalar expression to a <see cref="Scalar"/> with the given variable values. Non-scalar nodes
/// (text, tuples, relations) give NaN. Every node costs one budget step.
/// </summary>
internal sealed class Evaluator
{
    private readonly Budget _budget;
    private readonly IReadOnlyDictionary<string, Scalar> _variables;

    public Evaluator(Budget budget, IReadOnlyDictionary<string, Scalar> variables)
    {
        _budget = budget;
        _variables = variables;
    }

    public Scalar Evaluate(Expr expr)
    {
        _budget.Tick();
        return expr switch
        {
            NumberExpr number => Scalar.FromExact(number.Value),
            VariableExpr variable => _variables.TryGetValue(variable.Name, out var value) ? value : Scalar.NaN,
            ConstantExpr constant => Constant(constant.Kind),
            SumExpr sum => Sum(sum),
            ProductExpr product => Product(product),
            NegateExpr negate => ScalarArithmetic.Negate(Evaluate(negate.Operand)),
            PowerExpr power => ScalarArithmetic.Power(Evaluate(power.Base), Evaluate(power.Exponent)),
            FunctionExpr function => ScalarFunctions.Apply(function.Function, function.Arguments.Select(Evaluate).ToArray(), _budget),
            PercentExpr percent => ScalarArithmetic.Divide(Evaluate(percent.Operand), Scalar.FromInteger(100)),
            BasedNumberExpr based => BasedValue(based),
            _ => Scalar.NaN,
        };
    }

    private static Scalar Constant(ConstantKind kind) => kind switch
    {
        ConstantKind.Pi => Scalar.FromReal(Math.PI),
        ConstantKind.E => Scalar.FromReal(Math.E),
        ConstantKind.ImaginaryUnit => Scalar.FromApprox(Complex.ImaginaryOne),
        _ => Scalar.FromReal(double.PositiveInfinity),
    };

    private Scalar Sum(SumExpr sum)
    {
        var total = Scalar.FromExact(Rational.Zero);
        foreach (var term in sum.Terms)
        {
            var value = Evaluate(term.Value);
            total = term.Negative ? ScalarArithmetic.Subtract(total, value) : ScalarArithmetic.Add(total, value);
        }
        return total;
    }

    private Scalar Product(ProductExpr product)
    {
        var total = Scalar.FromExact(Rational.One);
        foreach (var factor in product.Factors)
        {
            var value = Evaluate(factor.Value);
            total = factor.Divide ? ScalarArithmetic.Divide(total, value) : ScalarArithmetic.Multiply(total, value);
        }
        return total;
    }

    private static Scalar BasedValue(BasedNumberExpr based)
    {
        BigInteger value = 0;
        foreach (var c in based.Digits)
        {
            var digit = char.IsAsciiDigit(c) ? c - '0' : char.IsAsciiLetter(c) ? char.ToUpperInvariant(c) - 'A' + 10 : 99;
            if (digit >= based.Base)
            {
                return Scalar.NaN;
            }
            value = (value * based.Base) + digit;
        }
        return Scalar.FromInteger(value);
    }
}
