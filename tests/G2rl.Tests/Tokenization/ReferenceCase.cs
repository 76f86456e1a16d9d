namespace G2rl.Tests.Tokenization;

/// <summary>One entry of qwen3-tokenizer-cases.json.</summary>
internal sealed record ReferenceCase(string Text, int[] Ids, string Decoded);
