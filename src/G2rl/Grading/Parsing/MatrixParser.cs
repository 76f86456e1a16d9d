using G2rl.Grading.Syntax;

namespace G2rl.Grading.Parsing;

/// <summary>\begin{pmatrix} a &amp; b \\ c &amp; d \end{pmatrix} (also bmatrix, matrix, vmatrix, array, ...).</summary>
internal sealed class MatrixParser
{
    private static readonly HashSet<string> Environments =
    [
        "matrix", "pmatrix", "bmatrix", "Bmatrix", "vmatrix", "Vmatrix", "smallmatrix", "array",
    ];

    private readonly LatexParser _parser;

    public MatrixParser(LatexParser parser)
    {
        _parser = parser;
    }

    private TokenStream Tokens => _parser.Tokens;

    /// <summary>Parses after \begin: the environment name, the cells and \end{name}.</summary>
    public MatrixExpr ParseEnvironment()
    {
        var name = ReadName();
        if (!Environments.Contains(name))
        {
            throw new ParseException($"unsupported environment {name}");
        }
        if (name == "array")
        {
            ReadName(); // column specification such as {cc}
        }
        var rows = new List<IReadOnlyList<Expr>>();
        var row = new List<Expr>();
        while (true)
        {
            if (Tokens.AcceptCommand("end"))
            {
                if (ReadName() != name)
                {
                    throw new ParseException("mismatched \\end");
                }
                break;
            }
            row.Add(_parser.ParseRelation());
            if (Tokens.Accept("&"))
            {
                continue;
            }
            if (Tokens.Accept("\\\\"))
            {
                rows.Add(row);
                row = [];
                continue;
            }
            if (!Tokens.Peek().IsCommand("end"))
            {
                throw new ParseException($"unexpected '{Tokens.Peek().Text}' in a matrix");
            }
        }
        if (row.Count > 0)
        {
            rows.Add(row);
        }
        if (rows.Count == 0 || rows.Any(r => r.Count != rows[0].Count))
        {
            throw new ParseException("ragged matrix");
        }
        return new MatrixExpr(rows);
    }

    /// <summary>Reads "{name}" as the concatenated text of its tokens.</summary>
    private string ReadName()
    {
        Tokens.Expect("{");
        var parts = new List<string>();
        while (!Tokens.Accept("}"))
        {
            var token = Tokens.Next();
            if (token.Kind == TokenKind.End)
            {
                throw new ParseException("unterminated environment name");
            }
            parts.Add(token.Text);
        }
        return string.Concat(parts);
    }
}
