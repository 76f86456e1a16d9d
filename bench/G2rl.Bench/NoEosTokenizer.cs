using System.Text;
using G2rl.Tokenization;

namespace G2rl.Bench;

/// <summary>
/// One character per id over a vocabulary of any size (id i ↔ code point 0x100 + i, skipping the surrogate block),
/// id 0 the special pad token, and no EOS: with it the sampler always decodes max_new_tokens, so every step of a
/// benchmark does the same work. Not saved (benchmark-only).
/// </summary>
internal sealed class NoEosTokenizer(int vocabSize) : ITextTokenizer
{
    private const int Base = 0x100;
    private const int SurrogateStart = 0xD800;
    private const int SurrogateCount = 0x800;

    public int VocabSize => vocabSize;

    public int? EosTokenId => null;

    public int? PadTokenId => 0;

    public IReadOnlyCollection<int> SpecialTokenIds { get; } = [0];

    public IReadOnlyList<int> Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ids = new List<int>(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            var id = Id(rune);
            ids.Add(id > 0 && id < vocabSize ? id : throw new G2rlException($"U+{rune.Value:X4} is outside the benchmark tokenizer's {vocabSize} ids"));
        }
        return ids;
    }

    public string Decode(IEnumerable<int> ids, bool skipSpecialTokens = false)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var sb = new StringBuilder();
        foreach (var id in ids)
        {
            if (!(skipSpecialTokens && id == 0))
            {
                sb.Append(IdToToken(id));
            }
        }
        return sb.ToString();
    }

    public int? TokenToId(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (token == "<pad>")
        {
            return 0;
        }
        if (Rune.DecodeFromUtf16(token, out var rune, out var used) != System.Buffers.OperationStatus.Done || used != token.Length)
        {
            return null;
        }
        var id = Id(rune);
        return id > 0 && id < vocabSize ? id : null;
    }

    public string? IdToToken(int id)
    {
        if (id == 0)
        {
            return "<pad>";
        }
        if (id < 0 || id >= vocabSize)
        {
            return null;
        }
        var cp = Base + id;
        return char.ConvertFromUtf32(cp >= SurrogateStart ? cp + SurrogateCount : cp);
    }

    private static int Id(Rune rune) => (rune.Value >= SurrogateStart + SurrogateCount ? rune.Value - SurrogateCount : rune.Value) - Base;

    public void Save(string directory) => throw new NotSupportedException("the benchmark tokenizer is not saved");
}
