using System.Text;

namespace G2rl.Tokenization;

/// <summary>
/// A character-level tokenizer for synthetic tasks: one id per character of an alphabet, special tokens first.
/// Entries of more than one character (and the specials) are matched in text before single characters,
/// leftmost-longest. <see cref="Save"/> writes files that Hugging Face loads as the same tokenizer.
/// </summary>
public sealed class CharTokenizer : ITextTokenizer
{
    private readonly Dictionary<string, int> idsByToken;
    private readonly Dictionary<int, int> idsByCodePoint;
    private readonly AddedTokenMatcher matcher;
    private readonly int? unknownId;

    /// <summary>Builds the tokenizer; throws <see cref="ArgumentException"/> for empty or repeated entries.</summary>
    /// <param name="alphabet">The characters (or multi-character symbols), in id order after the specials.</param>
    /// <param name="options">Special tokens and limits; defaults: &lt;pad&gt; 0, &lt;eos&gt; 1, &lt;bos&gt; 2.</param>
    public CharTokenizer(IEnumerable<string> alphabet, CharTokenizerOptions? options = null)
        : this(CharTokenizerLayout.FromAlphabet(alphabet, options ?? new CharTokenizerOptions()))
    {
    }

    internal CharTokenizer(CharTokenizerLayout layout)
    {
        Layout = layout;
        idsByToken = new Dictionary<string, int>(StringComparer.Ordinal);
        idsByCodePoint = [];
        for (var id = 0; id < layout.Tokens.Count; id++)
        {
            var token = layout.Tokens[id];
            idsByToken[token] = id;
            if (!layout.AddedIds.Contains(id) && CharTokenizerLayout.ScalarCount(token) == 1)
            {
                idsByCodePoint[char.ConvertToUtf32(token, 0)] = id;
            }
        }
        matcher = new AddedTokenMatcher(layout.AddedIds.Select(id => new AddedToken(layout.Tokens[id], id, layout.SpecialIds.Contains(id))));
        unknownId = RoleId(layout.UnknownToken);
        EosTokenId = RoleId(layout.EosToken);
        PadTokenId = RoleId(layout.PadToken);
        BosTokenId = RoleId(layout.BosToken);
    }

    internal CharTokenizerLayout Layout { get; }

    /// <inheritdoc/>
    public int VocabSize => Layout.Tokens.Count;

    /// <inheritdoc/>
    public int? EosTokenId { get; }

    /// <inheritdoc/>
    public int? PadTokenId { get; }

    /// <summary>The beginning-of-sequence id, or null.</summary>
    public int? BosTokenId { get; }

    /// <summary>Written as <c>model_max_length</c> in tokenizer_config.json.</summary>
    public int ModelMaxLength => Layout.ModelMaxLength;

    /// <inheritdoc/>
    public IReadOnlyCollection<int> SpecialTokenIds => Layout.SpecialIds;

    /// <summary>One entry per distinct character of <paramref name="characters"/>, in order of first appearance.</summary>
    public static CharTokenizer FromCharacters(string characters, CharTokenizerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(characters);
        return new CharTokenizer(characters.EnumerateRunes().Select(r => r.ToString()).Distinct(StringComparer.Ordinal), options);
    }

    /// <summary>Reads a tokenizer.json written by <see cref="Save"/> (or a model directory holding one).</summary>
    public static CharTokenizer Load(string pathOrDirectory)
    {
        var path = TokenizerFiles.ResolveTokenizerPath(pathOrDirectory);
        using var document = TokenizerFiles.ParseJson(TokenizerFiles.ReadBytes(path), path);
        return new CharTokenizer(CharTokenizerJson.Read(document.RootElement, path, TokenizerConfig.ReadBeside(path)));
    }

    /// <inheritdoc/>
    /// <exception cref="G2rlException">A character is outside the alphabet and no unknown token is configured.</exception>
    public IReadOnlyList<int> Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ids = new List<int>(text.Length);
        foreach (var piece in matcher.Split(text))
        {
            if (piece.Id is { } id)
            {
                ids.Add(id);
                continue;
            }
            for (var i = piece.Start; i < piece.Start + piece.Length; i++)
            {
                var isPair = char.IsSurrogatePair(text, i);
                var codePoint = isPair ? char.ConvertToUtf32(text, i) : text[i];
                if (idsByCodePoint.TryGetValue(codePoint, out var charId))
                {
                    ids.Add(charId);
                }
                else
                {
                    ids.Add(unknownId ?? throw new G2rlException(
                        $"character {CharTokenizerLayout.Describe(text.Substring(i, isPair ? 2 : 1))} at index {i} is not in the tokenizer's alphabet"));
                }
                if (isPair)
                {
                    i++;
                }
            }
        }
        return ids;
    }

    /// <inheritdoc/>
    public string Decode(IEnumerable<int> ids, bool skipSpecialTokens = false)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var builder = new StringBuilder();
        foreach (var id in ids)
        {
            if (IdToToken(id) is { } token && !(skipSpecialTokens && Layout.SpecialIds.Contains(id)))
            {
                builder.Append(token);
            }
        }
        return builder.ToString();
    }

    /// <inheritdoc/>
    public int? TokenToId(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return idsByToken.TryGetValue(token, out var id) ? id : null;
    }

    /// <inheritdoc/>
    public string? IdToToken(int id) => id >= 0 && id < Layout.Tokens.Count ? Layout.Tokens[id] : null;

    /// <summary>
    /// Writes tokenizer.json (a BPE model with the characters as vocabulary and no merges, no normalizer and no
    /// pre-tokenizer, the specials as special added tokens, a Fuse decoder) and tokenizer_config.json
    /// (PreTrainedTokenizerFast with the role tokens).
    /// </summary>
    public void Save(string directory) => CharTokenizerJson.Write(Layout, directory);

    private int? RoleId(string? token) => token is null ? null : TokenToId(token);
}
