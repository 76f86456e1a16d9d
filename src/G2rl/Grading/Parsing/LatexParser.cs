using G2rl.Grading.Syntax;

namespace G2rl.Grading.Parsing;

/// <summary>
/// Recursive-descent parser for the answer subset of LaTeX. Precedence, loosest first:
/// comma list, relation (= &lt; \le \in ...), union (\cup), sum (+ -), product (* / implicit), unary sign,
/// power (^, right-associative), postfix (! % degree), primary (see <see cref="PrimaryParser"/>).
/// </summary>
internal sealed class LatexParser
{
    /// <summary>Maximum nesting of sub-expressions; deeper input is rejected instead of exhausting the stack.</summary>
    public const int MaxDepth = 100;

    /// <summary>Longest run of postfix operators (x!!) or of chained powers (2^2^2) accepted.</summary>
    public const int MaxChain = 16;

    private readonly PrimaryParser _primary;
    private int _depth;

    private LatexParser(TokenStream tokens)
    {
        Tokens = tokens;
        _primary = new PrimaryParser(this);
        Commands = new CommandParser(this, _primary);
    }

    internal TokenStream Tokens { get; }

    internal CommandParser Commands { get; }

    /// <summary>Nesting of |...| currently open: a '|' then closes rather than opens.</summary>
    internal int AbsDepth { get; set; }

    /// <summary>Parses a whole answer; a top-level comma list becomes a bare <see cref="SetExpr"/>.</summary>
    public static Expr Parse(IReadOnlyList<Token> tokens, Budget budget)
    {
        var parser = new LatexParser(new TokenStream(tokens, budget));
        var items = parser.ParseItems();
        if (!parser.Tokens.AtEnd)
        {
            throw new ParseException($"unexpected '{parser.Tokens.Peek().Text}'");
        }
        return items.Count == 1 ? items[0] : new SetExpr(items, Bare: true);
    }

    internal List<Expr> ParseItems()
    {
        var items = new List<Expr> { ParseRelation() };
        while (Tokens.Accept(","))
        {
            items.Add(ParseRelation());
        }
        return items;
    }

    internal Expr ParseRelation()
    {
        var operands = new List<Expr> { ParseUnion() };
        var operators = new List<RelationOperator>();
        while (TryRelationOperator(out var op))
        {
            operators.Add(op);
            operands.Add(ParseUnion());
        }
        return operators.Count == 0 ? operands[0] : new RelationExpr(operands, operators);
    }

    private bool TryRelationOperator(out RelationOperator op)
    {
        op = Tokens.Peek().Kind == TokenKind.Symbol ? Tokens.Peek().Text switch
        {
            "=" => RelationOperator.Equal,
            "≈" => RelationOperator.Approximately,
            "≠" => RelationOperator.NotEqual,
            "<" => RelationOperator.Less,
            "≤" => RelationOperator.LessOrEqual,
            ">" => RelationOperator.Greater,
            "≥" => RelationOperator.GreaterOrEqual,
            "∈" => RelationOperator.In,
            _ => (RelationOperator)(-1),
        } : (RelationOperator)(-1);
        if ((int)op < 0)
        {
            return false;
        }
        Tokens.Next();
        return true;
    }

    private Expr ParseUnion()
    {
        var parts = new List<Expr> { ParseSum() };
        while (true)
        {
            if (Tokens.Accept("∪") || AcceptLetterUnion(parts[^1]))
            {
                parts.Add(ParseSum());
                continue;
            }
            return parts.Count == 1 ? parts[0] : new UnionExpr(parts);
        }
    }

    /// <summary>Plain-text "(1,2) U (3,4)".</summary>
    private bool AcceptLetterUnion(Expr previous)
    {
        if (!IsLetterUnion(previous))
        {
            return false;
        }
        Tokens.Next();
        return true;
    }

    private bool IsLetterUnion(Expr previous) =>
        Tokens.Peek().Is(TokenKind.Letter, "U")
        && Tokens.Peek(1) is { Kind: TokenKind.Symbol, Text: "(" or "[" or "\\{" }
        && previous is TupleExpr or IntervalExpr or SetExpr;

    internal Expr ParseSum()
    {
        var terms = new List<SumTerm> { new(ParseTerm(), false) };
        while (true)
        {
            if (Tokens.Accept("+"))
            {
                terms.Add(new SumTerm(ParseTerm(), false));
            }
            else if (Tokens.Accept("-"))
            {
                terms.Add(new SumTerm(ParseTerm(), true));
            }
            else
            {
                return terms.Count == 1 ? terms[0].Value : new SumExpr(terms);
            }
        }
    }

    private Expr ParseTerm()
    {
        var factors = new List<ProductFactor> { new(ParseUnary(), false) };
        while (true)
        {
            if (Tokens.Accept("*"))
            {
                factors.Add(new ProductFactor(ParseUnary(), false));
            }
            else if (Tokens.Accept("/") || Tokens.Accept(":"))
            {
                factors.Add(new ProductFactor(ParseUnary(), true)); // a ratio "7:32" is the quotient
            }
            else if (StartsImplicitFactor(factors[^1].Value))
            {
                factors.Add(new ProductFactor(ParsePower(), false));
            }
            else
            {
                break;
            }
        }
        UnitStripper.StripTrailingUnits(factors);
        return factors.Count == 1 && !factors[0].Divide ? factors[0].Value : new ProductExpr(factors);
    }

    /// <summary>Whether the next token begins a factor multiplied by juxtaposition ("2x", "3\sqrt{2}", "(a)(b)").</summary>
    private bool StartsImplicitFactor(Expr previous)
    {
        var token = Tokens.Peek();
        return token.Kind switch
        {
            TokenKind.Number => previous is not NumberExpr,
            TokenKind.Letter => !IsLetterUnion(previous),
            TokenKind.Word or TokenKind.Text => true,
            TokenKind.Command => token.Text is not ("choose" or "rfloor" or "rceil" or "end" or "dots" or "overline"),
            TokenKind.Symbol => token.Text switch
            {
                "(" or "{" => true,
                "|" => AbsDepth == 0,
                _ => false,
            },
            _ => false,
        };
    }

    internal Expr ParseUnary()
    {
        if (++_depth > MaxDepth)
        {
            throw new ParseException("expression nested too deeply");
        }
        try
        {
            var negative = false;
            while (true)
            {
                if (Tokens.Accept("-"))
                {
                    negative = !negative;
                }
                else if (!Tokens.Accept("+"))
                {
                    break;
                }
            }
            var operand = ParsePower();
            return negative ? new NegateExpr(operand) : operand;
        }
        finally
        {
            _depth--;
        }
    }

    internal Expr ParsePower()
    {
        var chain = new List<Expr> { ParsePostfix() };
        while (Tokens.Accept("^"))
        {
            if (chain.Count > MaxChain)
            {
                throw new ParseException("power tower too tall");
            }
            if (!_primary.TryDegreeMark())
            {
                chain.Add(_primary.ParseExponent());
            }
        }
        var result = chain[^1];
        for (var i = chain.Count - 2; i >= 0; i--)
        {
            result = new PowerExpr(chain[i], result);
        }
        return result;
    }

    private Expr ParsePostfix()
    {
        var expr = _primary.ParsePrimary();
        for (var count = 0; ; count++)
        {
            if (count > MaxChain)
            {
                throw new ParseException("too many postfix operators");
            }
            if (Tokens.Accept("!"))
            {
                expr = new FunctionExpr(FunctionKind.Factorial, [expr]);
            }
            else if (Tokens.Accept("%"))
            {
                expr = new PercentExpr(expr);
            }
            else if (!Tokens.Accept("°"))
            {
                return expr;
            }
        }
    }
}
