using G2rl.Grading.Numerics;
using G2rl.Grading.Syntax;

namespace G2rl.Grading.Parsing;

/// <summary>
/// Atoms of the grammar: numbers (mixed numbers, bases, repeating decimals), letters, words, brackets
/// (tuples, intervals), brace groups, sets, |x|, and LaTeX arguments / exponents.
/// </summary>
internal sealed class PrimaryParser
{
    private readonly LatexParser _parser;

    public PrimaryParser(LatexParser parser)
    {
        _parser = parser;
    }

    private TokenStream Tokens => _parser.Tokens;

    public Expr ParsePrimary()
    {
        var token = Tokens.Peek();
        switch (token.Kind)
        {
            case TokenKind.Number:
                return ParseNumber();
            case TokenKind.Letter:
                return ParseLetter();
            case TokenKind.Word or TokenKind.Text:
                Tokens.Next();
                return new TextExpr(token.Text);
            case TokenKind.Command:
                return _parser.Commands.Parse();
            case TokenKind.Symbol when token.Text is "(" or "[":
                return ParseBracket();
            case TokenKind.Symbol when token.Text == "{":
                return ParseBraceGroup();
            case TokenKind.Symbol when token.Text == "\\{":
                return ParseSet();
            case TokenKind.Symbol when token.Text == "|":
                return ParseAbs();
            default:
                throw new ParseException($"unexpected '{token.Text}'");
        }
    }

    /// <summary>A LaTeX argument: a brace group, or one digit / letter / command (\frac12, \sqrt x, \frac\pi2).</summary>
    public Expr ParseArgument()
    {
        var token = Tokens.Peek();
        return token.Kind switch
        {
            TokenKind.Symbol when token.Text == "{" => ParseBraceGroup(),
            TokenKind.Symbol when token.Text == "(" => ParseBracket(),
            TokenKind.Number => Number(Tokens.NextCharacterOfNumber()),
            TokenKind.Letter => ParseLetter(),
            TokenKind.Command => _parser.Commands.Parse(),
            _ => throw new ParseException($"missing argument before '{token.Text}'"),
        };
    }

    /// <summary>The exponent after '^': a group, or a signed number / letter / command / bracket.</summary>
    public Expr ParseExponent()
    {
        var negative = false;
        while (Tokens.Peek().IsSymbol("-") || Tokens.Peek().IsSymbol("+"))
        {
            negative ^= Tokens.Next().Text == "-";
        }
        var token = Tokens.Peek();
        Expr exponent = token.Kind switch
        {
            // Plain-text intent: 2^10 is 2^{10} (strict LaTeX would read 2^1 0).
            TokenKind.Number => Number(Tokens.Next().Text),
            _ => ParseArgument(),
        };
        return negative ? new NegateExpr(exponent) : exponent;
    }

    /// <summary>Consumes a degree mark after '^': \circ or {\circ}.</summary>
    public bool TryDegreeMark()
    {
        if (Tokens.Accept("°"))
        {
            return true;
        }
        if (Tokens.Peek().IsSymbol("{") && Tokens.Peek(1).IsSymbol("°") && Tokens.Peek(2).IsSymbol("}"))
        {
            Tokens.Next();
            Tokens.Next();
            Tokens.Next();
            return true;
        }
        return false;
    }

    public Expr ParseBraceGroup()
    {
        Tokens.Expect("{");
        if (Tokens.Accept("}"))
        {
            throw new ParseException("empty group");
        }
        var items = _parser.ParseItems();
        if (items.Count == 1 && Tokens.AcceptCommand("choose"))
        {
            items[0] = new FunctionExpr(FunctionKind.Binomial, [items[0], _parser.ParseRelation()]);
        }
        Tokens.Expect("}");
        return items.Count == 1 ? items[0] : new SetExpr(items, Bare: true);
    }

    private static NumberExpr Number(string literal) =>
        Rational.TryParseDecimal(literal, out var value)
            ? new NumberExpr(value, literal)
            : throw new ParseException($"bad number '{literal}'");

    private Expr ParseNumber()
    {
        var literal = Tokens.Next().Text;
        var number = Number(literal);
        if (Tokens.Peek().IsCommand("overline"))
        {
            return ParseRepeatingDecimal(literal);
        }
        if (literal.Contains('.'))
        {
            return number;
        }
        if (Tokens.Accept("_"))
        {
            return ParseBase(literal);
        }
        return (Expr?)TryMixedNumber(number) ?? number;
    }

    /// <summary>"2\frac{1}{2}" and "2 1/2" are 2 + 1/2.</summary>
    private SumExpr? TryMixedNumber(NumberExpr whole)
    {
        var mark = Tokens.Mark;
        Expr? numerator = null, denominator = null;
        if (Tokens.AcceptCommand("frac"))
        {
            numerator = ParseArgument();
            denominator = ParseArgument();
        }
        else if (Tokens.Peek().Kind == TokenKind.Number && Tokens.Peek(1).IsSymbol("/") && Tokens.Peek(2).Kind == TokenKind.Number)
        {
            numerator = Number(Tokens.Next().Text);
            Tokens.Next();
            denominator = Number(Tokens.Next().Text);
        }
        if (numerator is NumberExpr { Value.IsInteger: true } && denominator is NumberExpr { Value.IsInteger: true, Value.IsZero: false })
        {
            return new SumExpr([new SumTerm(whole, false), new SumTerm(new ProductExpr([new(numerator, false), new(denominator, true)]), false)]);
        }
        Tokens.Reset(mark);
        return null;
    }

    private BasedNumberExpr ParseBase(string digits)
    {
        var subscript = ParseExponent();
        if (subscript is not NumberExpr { Value: { IsInteger: true } value } || value.Numerator < 2 || value.Numerator > 36)
        {
            throw new ParseException("unsupported base subscript");
        }
        return new BasedNumberExpr(digits, (int)value.Numerator);
    }

    /// <summary>0.\overline{3} = 1/3, 0.1\overline{6} = 1/6 (the tokenizer drops a dot not followed by a digit).</summary>
    private NumberExpr ParseRepeatingDecimal(string literal)
    {
        Tokens.Next();
        var repeat = ParseArgument();
        if (repeat is not NumberExpr { Literal: var digits } || !digits.All(char.IsAsciiDigit) || digits.Length > 50)
        {
            throw new ParseException("bad repeating decimal");
        }
        var fixedPart = Number(literal).Value;
        var scale = literal.Contains('.') ? literal.Length - literal.IndexOf('.') - 1 : 0;
        var cycle = Rational.Create(System.Numerics.BigInteger.Parse(digits, System.Globalization.CultureInfo.InvariantCulture),
            System.Numerics.BigInteger.Pow(10, digits.Length) - 1);
        var value = fixedPart + (cycle / Rational.FromInteger(System.Numerics.BigInteger.Pow(10, scale)));
        return new NumberExpr(value, literal + "(" + digits + ")");
    }

    private Expr ParseLetter()
    {
        var name = Tokens.Next().Text;
        if (Tokens.Accept("_"))
        {
            return new VariableExpr(name + "_" + SubscriptText());
        }
        return name switch
        {
            "i" => new ConstantExpr(ConstantKind.ImaginaryUnit),
            "e" => new ConstantExpr(ConstantKind.E),
            _ => new VariableExpr(name),
        };
    }

    private string SubscriptText()
    {
        if (!Tokens.Accept("{"))
        {
            return Tokens.Next().Text;
        }
        var parts = new List<string>();
        var depth = 1;
        while (true)
        {
            var token = Tokens.Next();
            depth += token.IsSymbol("{") ? 1 : token.IsSymbol("}") ? -1 : 0;
            if (depth == 0)
            {
                return string.Concat(parts);
            }
            if (token.Kind == TokenKind.End)
            {
                throw new ParseException("unterminated subscript");
            }
            parts.Add(token.Text);
        }
    }

    /// <summary>(a) → a; (a, b) → tuple; [a, b], [a, b), (a, b] → interval; (a, b, c) and [a, b, c] → tuple.</summary>
    private Expr ParseBracket()
    {
        var open = Tokens.Next().Text;
        var items = _parser.ParseItems();
        var close = Tokens.Peek().Text;
        if (Tokens.Peek().Kind != TokenKind.Symbol || close is not (")" or "]"))
        {
            throw new ParseException($"expected a closing bracket, found '{close}'");
        }
        Tokens.Next();
        var matched = (open == "(" && close == ")") || (open == "[" && close == "]");
        if (items.Count == 1)
        {
            return matched ? items[0] : throw new ParseException("half-open bracket around one item");
        }
        if (items.Count == 2 && (open == "[" || close == "]"))
        {
            return new IntervalExpr(items[0], items[1], open == "[", close == "]");
        }
        return matched ? new TupleExpr(items) : throw new ParseException("mismatched brackets");
    }

    private SetExpr ParseSet()
    {
        Tokens.Next();
        if (Tokens.Accept("\\}"))
        {
            return new SetExpr([], Bare: false);
        }
        var items = _parser.ParseItems();
        Tokens.Expect("\\}");
        return new SetExpr(items, Bare: false);
    }

    private FunctionExpr ParseAbs()
    {
        Tokens.Next();
        _parser.AbsDepth++;
        var inner = _parser.ParseSum();
        Tokens.Expect("|");
        _parser.AbsDepth--;
        return new FunctionExpr(FunctionKind.Abs, [inner]);
    }
}
