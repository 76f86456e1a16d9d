using System.Text;

namespace G2rl.Grading.Parsing;

/// <summary>
/// Turns an answer string into <see cref="Token"/>s: drops layout (\left, \,, $), maps operator spellings
/// onto one symbol, reads numbers without thousands separators, and classifies letter runs and \text{}.
/// </summary>
internal sealed class LatexTokenizer
{
    private readonly string _s;
    private readonly Budget _budget;
    private readonly List<Token> _tokens = [];
    private int _pos;
    private int _bracketDepth;

    private LatexTokenizer(string s, Budget budget)
    {
        _s = s;
        _budget = budget;
    }

    public static List<Token> Tokenize(string text, Budget budget)
    {
        var tokenizer = new LatexTokenizer(text, budget);
        tokenizer.Run();
        return tokenizer._tokens;
    }

    private void Run()
    {
        while (_pos < _s.Length)
        {
            _budget.Tick();
            var c = _s[_pos];
            if (char.IsWhiteSpace(c) || c is '$' or '~')
            {
                _pos++;
            }
            else if (char.IsAsciiDigit(c) || (c == '.' && _pos + 1 < _s.Length && char.IsAsciiDigit(_s[_pos + 1])))
            {
                ReadNumber();
            }
            else if (c == '\\')
            {
                ReadCommand();
            }
            else if (char.IsLetter(c) && c != 'π')
            {
                ReadLetters();
            }
            else
            {
                ReadSymbol(c);
            }
        }
        _tokens.Add(Token.End);
    }

    private void ReadNumber()
    {
        var digits = new StringBuilder();
        _pos = NumberScanner.Scan(_s, _pos, _bracketDepth == 0, digits);
        _tokens.Add(new Token(TokenKind.Number, digits.ToString()));
    }

    private void ReadLetters()
    {
        var start = _pos;
        if (NumberWords.TryScan(_s, start, out var number, out var numberEnd)
            && (numberEnd == _s.Length || !char.IsLetter(_s[numberEnd])))
        {
            _tokens.Add(new Token(TokenKind.Number, number.ToString()));
            _pos = numberEnd;
            return;
        }
        while (_pos < _s.Length && char.IsLetter(_s[_pos]) && _s[_pos] != 'π')
        {
            _pos++;
        }
        var run = _s[start.._pos];
        if (run.Length > 1 && WordClassifier.Classify(run) is { } token)
        {
            _tokens.Add(token);
            return;
        }
        foreach (var letter in run)
        {
            _tokens.Add(new Token(TokenKind.Letter, letter.ToString()));
        }
    }

    private void ReadSymbol(char c)
    {
        _pos++;
        var text = c switch
        {
            '−' or '–' or '—' => "-",
            '×' or '·' or '⋅' or '∗' => "*",
            '÷' => "/",
            ';' => ",",
            '≤' or '⩽' => "≤",
            '≥' or '⩾' => "≥",
            '<' when Peek('=') => "≤",
            '>' when Peek('=') => "≥",
            '!' when Peek('=') => "≠",
            '∪' => "∪",
            '≈' => "≈",
            '°' => "°",
            _ => c.ToString(),
        };
        if (text is "≤" or "≥" or "≠" && c is '<' or '>' or '!')
        {
            _pos++;
        }
        switch (text)
        {
            case "π":
                _tokens.Add(new Token(TokenKind.Command, "pi"));
                return;
            case "∞":
                _tokens.Add(new Token(TokenKind.Command, "infty"));
                return;
            case "√":
                _tokens.Add(new Token(TokenKind.Command, "sqrt"));
                return;
            case ".":
                return; // stray punctuation, e.g. a sentence-final period
        }
        AddSymbol(text);
    }

    private bool Peek(char c) => _pos < _s.Length && _s[_pos] == c;

    private void AddSymbol(string text)
    {
        if (text is "(" or "[" or "\\{")
        {
            _bracketDepth++;
        }
        else if (text is ")" or "]" or "\\}")
        {
            _bracketDepth = Math.Max(0, _bracketDepth - 1);
        }
        _tokens.Add(new Token(TokenKind.Symbol, text));
    }

    private void ReadCommand()
    {
        _pos++; // backslash
        if (_pos >= _s.Length)
        {
            return;
        }
        var start = _pos;
        if (char.IsAsciiLetter(_s[_pos]))
        {
            while (_pos < _s.Length && char.IsAsciiLetter(_s[_pos]))
            {
                _pos++;
            }
        }
        else
        {
            _pos++;
        }
        var name = _s[start.._pos];
        switch (CommandTable.Classify(name, out var mapped))
        {
            case CommandCategory.Skip:
            case CommandCategory.Transparent:
                break;
            case CommandCategory.SkipWithArgument:
                ReadBraceArgument();
                break;
            case CommandCategory.Text:
                AddText(ReadBraceArgument());
                break;
            case CommandCategory.Symbol:
                AddSymbol(mapped);
                break;
            default:
                _tokens.Add(new Token(TokenKind.Command, mapped));
                break;
        }
    }

    /// <summary>Reads a raw {...} argument (nested braces balanced, escapes kept), or one character.</summary>
    private string ReadBraceArgument()
    {
        while (_pos < _s.Length && _s[_pos] == ' ')
        {
            _pos++;
        }
        if (_pos >= _s.Length)
        {
            return "";
        }
        if (_s[_pos] != '{')
        {
            return _s[_pos++].ToString();
        }
        var end = BraceMatcher.FindClose(_s, _pos);
        if (end < 0)
        {
            throw new ParseException("unbalanced braces in a text argument");
        }
        var content = _s[(_pos + 1)..end];
        _pos = end + 1;
        return content;
    }

    private void AddText(string content)
    {
        var trimmed = content.Trim();
        if (trimmed.Length == 0)
        {
            return;
        }
        if (trimmed.ToLowerInvariant() is "and" or "or" or ",")
        {
            AddSymbol(",");
        }
        else if (NumberWords.TryParse(trimmed, out var number))
        {
            _tokens.Add(new Token(TokenKind.Number, number.ToString()));
        }
        else if (!trimmed.Any(char.IsLetter) || trimmed.ToLowerInvariant() is "degrees" or "degree" or "percent")
        {
            var inner = Tokenize(trimmed, _budget);
            _tokens.AddRange(inner.Take(inner.Count - 1));
        }
        else
        {
            _tokens.Add(new Token(TokenKind.Text, trimmed));
        }
    }
}
