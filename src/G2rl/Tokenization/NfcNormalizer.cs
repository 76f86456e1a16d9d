using Microsoft.ML.Tokenizers;

namespace G2rl.Tokenization;

/// <summary>The <c>{"type": "NFC"}</c> normalizer of tokenizer.json, backed by <see cref="UnicodeNfc"/>.</summary>
internal sealed class NfcNormalizer : Normalizer
{
    public static NfcNormalizer Instance { get; } = new();

    public override string Normalize(string original) => UnicodeNfc.Normalize(original);

    public override string Normalize(ReadOnlySpan<char> original) => UnicodeNfc.Normalize(original.ToString());
}
