namespace G2rl.Tokenization;

/// <summary>A span of text: an added token (<see cref="Id"/> set) or plain text between added tokens (null).</summary>
internal readonly record struct TextPiece(int Start, int Length, int? Id);
