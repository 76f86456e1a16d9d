namespace G2rl.Tokenization;

/// <summary>An entry of tokenizer.json's <c>added_tokens</c>: matched in text before the model runs.</summary>
internal sealed record AddedToken(string Content, int Id, bool Special);
