namespace G2rl.Grading.Parsing;

/// <summary>
/// Cursor over tokens. A number token can be consumed one digit at a time, because LaTeX arguments are single
/// characters when unbraced: \frac12 is \frac{1}{2}.
/// </summary>
internal sealed class TokenStream
{
    private readonly IReadOnlyList<Token> _tokens;
    private readonly Budget _budget;
    private int _index;
    private int _charOffset;

    public TokenStream(IReadOnlyList<Token> tokens, Budget budget)
    {
        _tokens = tokens;
        _budget = budget;
    }

    /// <summary>Position for backtracking, see <see cref="Reset"/>.</summary>
    public (int Index, int Offset) Mark => (_index, _charOffset);

    public Token Peek(int ahead = 0)
    {
        var i = _index + ahead;
        if (i >= _tokens.Count)
        {
            return Token.End;
        }
        var token = _tokens[i];
        return ahead == 0 && _charOffset > 0 ? token with { Text = token.Text[_charOffset..] } : token;
    }

    public bool AtEnd => Peek().Kind == TokenKind.End;

    public Token Next()
    {
        _budget.Tick();
        var token = Peek();
        if (token.Kind != TokenKind.End)
        {
            _index++;
            _charOffset = 0;
        }
        return token;
    }

    /// <summary>Consumes the symbol when it is next.</summary>
    public bool Accept(string symbol)
    {
        if (!Peek().IsSymbol(symbol))
        {
            return false;
        }
        Next();
        return true;
    }

    public void Expect(string symbol)
    {
        if (!Accept(symbol))
        {
            throw new ParseException($"expected '{symbol}' but found '{Peek().Text}'");
        }
    }

    public bool AcceptCommand(string name)
    {
        if (!Peek().IsCommand(name))
        {
            return false;
        }
        Next();
        return true;
    }

    /// <summary>Takes the first character of the current number or letter-free token (for \frac12, \sqrt2).</summary>
    public string NextCharacterOfNumber()
    {
        _budget.Tick();
        var token = Peek();
        if (token.Kind != TokenKind.Number)
        {
            throw new ParseException("expected a digit");
        }
        if (token.Text.Length == 1)
        {
            Next();
            return token.Text;
        }
        var first = token.Text[..1];
        if (first == ".")
        {
            throw new ParseException("a one-character argument cannot be a decimal point");
        }
        _charOffset++;
        return first;
    }

    public void Reset((int Index, int Offset) mark)
    {
        _index = mark.Index;
        _charOffset = mark.Offset;
    }
}
