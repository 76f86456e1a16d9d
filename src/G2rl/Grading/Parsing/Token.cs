namespace G2rl.Grading.Parsing;

/// <summary>One lexical unit of an answer.</summary>
internal readonly record struct Token(TokenKind Kind, string Text)
{
    public static Token End => new(TokenKind.End, "");

    public bool Is(TokenKind kind, string text) => Kind == kind && Text == text;

    public bool IsSymbol(string text) => Kind == TokenKind.Symbol && Text == text;

    public bool IsCommand(string name) => Kind == TokenKind.Command && Text == name;

    public override string ToString() => $"{Kind}:{Text}";
}
