using G2rl.Grading.Syntax;

namespace G2rl.Grading.Parsing;

/// <summary>Named commands: \frac, \sqrt, \binom, functions (\sin^2 x, \log_2 8), constants, Greek letters, matrices.</summary>
internal sealed class CommandParser
{
    private static readonly Dictionary<string, FunctionKind> Functions = new()
    {
        ["sin"] = FunctionKind.Sin, ["cos"] = FunctionKind.Cos, ["tan"] = FunctionKind.Tan, ["cot"] = FunctionKind.Cot,
        ["sec"] = FunctionKind.Sec, ["csc"] = FunctionKind.Csc, ["arcsin"] = FunctionKind.Arcsin,
        ["arccos"] = FunctionKind.Arccos, ["arctan"] = FunctionKind.Arctan, ["sinh"] = FunctionKind.Sinh,
        ["cosh"] = FunctionKind.Cosh, ["tanh"] = FunctionKind.Tanh, ["ln"] = FunctionKind.Ln,
        ["log"] = FunctionKind.Log, ["exp"] = FunctionKind.Exp,
    };

    private static readonly Dictionary<FunctionKind, FunctionKind> Inverses = new()
    {
        [FunctionKind.Sin] = FunctionKind.Arcsin, [FunctionKind.Cos] = FunctionKind.Arccos, [FunctionKind.Tan] = FunctionKind.Arctan,
    };

    private static readonly HashSet<string> Greek =
    [
        "alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "zeta", "eta", "theta", "vartheta", "iota",
        "kappa", "lambda", "mu", "nu", "xi", "rho", "sigma", "tau", "upsilon", "phi", "varphi", "chi", "psi",
        "omega", "Gamma", "Delta", "Theta", "Lambda", "Xi", "Sigma", "Phi", "Psi", "Omega",
    ];

    private readonly LatexParser _parser;
    private readonly PrimaryParser _primary;
    private readonly MatrixParser _matrices;

    public CommandParser(LatexParser parser, PrimaryParser primary)
    {
        _parser = parser;
        _primary = primary;
        _matrices = new MatrixParser(parser);
    }

    private TokenStream Tokens => _parser.Tokens;

    public Expr Parse()
    {
        var name = Tokens.Next().Text;
        switch (name)
        {
            case "frac":
                var numerator = _primary.ParseArgument();
                var denominator = _primary.ParseArgument();
                return new ProductExpr([new(numerator, false), new(denominator, true)]);
            case "binom":
                return new FunctionExpr(FunctionKind.Binomial, [_primary.ParseArgument(), _primary.ParseArgument()]);
            case "sqrt":
                return ParseRoot();
            case "pi":
                return new ConstantExpr(ConstantKind.Pi);
            case "infty":
                return new ConstantExpr(ConstantKind.Infinity);
            case "emptyset":
                return new SetExpr([], Bare: false);
            case "lfloor":
                return ParseDelimited(FunctionKind.Floor, "rfloor");
            case "lceil":
                return ParseDelimited(FunctionKind.Ceiling, "rceil");
            case "begin":
                return _matrices.ParseEnvironment();
        }
        if (Functions.TryGetValue(name, out var function))
        {
            return ParseFunction(function);
        }
        if (Greek.Contains(name))
        {
            return new VariableExpr(name);
        }
        throw new ParseException($"unsupported command \\{name}");
    }

    private FunctionExpr ParseRoot()
    {
        if (!Tokens.Accept("["))
        {
            return new FunctionExpr(FunctionKind.Sqrt, [_primary.ParseArgument()]);
        }
        var degree = _parser.ParseSum();
        Tokens.Expect("]");
        return new FunctionExpr(FunctionKind.Root, [_primary.ParseArgument(), degree]);
    }

    private FunctionExpr ParseDelimited(FunctionKind function, string close)
    {
        var inner = _parser.ParseSum();
        if (!Tokens.AcceptCommand(close))
        {
            throw new ParseException($"expected \\{close}");
        }
        return new FunctionExpr(function, [inner]);
    }

    /// <summary>\sin x, \sin(2x), \sin^2 x, \sin^{-1} x, \log_2 8, \ln x.</summary>
    private Expr ParseFunction(FunctionKind function)
    {
        Expr? power = null, logBase = null;
        for (var i = 0; i < 2; i++)
        {
            if (Tokens.Accept("^"))
            {
                power = _primary.ParseExponent();
            }
            else if (function == FunctionKind.Log && Tokens.Accept("_"))
            {
                logBase = _primary.ParseExponent();
            }
        }
        if (power is NegateExpr { Operand: NumberExpr { Value: { IsInteger: true } one } } && one.Numerator.IsOne
            && Inverses.TryGetValue(function, out var inverse))
        {
            function = inverse;
            power = null;
        }
        var argument = ParseFunctionOperand();
        Expr result = new FunctionExpr(function, logBase is null ? [argument] : [argument, logBase]);
        return power is null ? result : new PowerExpr(result, power);
    }

    /// <summary>
    /// The argument of a function written without parentheses: a run of juxtaposed simple factors,
    /// so \sin 2x is sin(2x) while \sin x \cos x is sin(x) cos(x).
    /// </summary>
    private Expr ParseFunctionOperand()
    {
        if (Tokens.Peek().IsSymbol("(") || Tokens.Peek().IsSymbol("{"))
        {
            return _parser.ParsePower();
        }
        var factors = new List<ProductFactor> { new(_parser.ParseUnary(), false) };
        while (ContinuesOperand(Tokens.Peek()))
        {
            factors.Add(new ProductFactor(_parser.ParsePower(), false));
        }
        return factors.Count == 1 ? factors[0].Value : new ProductExpr(factors);
    }

    private static bool ContinuesOperand(Token token) =>
        token.Kind == TokenKind.Letter || (token.Kind == TokenKind.Command && (token.Text == "pi" || Greek.Contains(token.Text)));
}
