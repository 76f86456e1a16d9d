using G2rl.Tokenization;

namespace G2rl.Tests.Tokenization;

public sealed class CharTokenizerTests
{
    private static readonly CharTokenizer Digits = new(["0", "1", "2", "+", "=", " "]);

    [Fact]
    public void Specials_take_the_first_ids_then_the_alphabet_in_order()
    {
        Assert.Equal(0, Digits.PadTokenId);
        Assert.Equal(1, Digits.EosTokenId);
        Assert.Equal(2, Digits.BosTokenId);
        Assert.Equal(3, Digits.TokenToId("0"));
        Assert.Equal(8, Digits.TokenToId(" "));
        Assert.Equal(9, Digits.VocabSize);
        Assert.Equal([0, 1, 2], Digits.SpecialTokenIds.Order());
    }

    [Fact]
    public void Encode_then_decode_round_trips()
    {
        var ids = Digits.Encode("12 + 2 = 21");
        Assert.Equal([4, 5, 8, 6, 8, 5, 8, 7, 8, 5, 4], ids);
        Assert.Equal("12 + 2 = 21", Digits.Decode(ids));
    }

    [Fact]
    public void A_character_outside_the_alphabet_raises_an_error_naming_it()
    {
        var error = Assert.Throws<G2rlException>(() => Digits.Encode("1+x"));
        Assert.Contains("\"x\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("U+0078", error.Message, StringComparison.Ordinal);
        Assert.Contains("index 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_character_outside_the_alphabet_maps_to_unk_when_configured()
    {
        var tokenizer = new CharTokenizer(["a", "b"], new CharTokenizerOptions { UnknownToken = "<unk>" });
        Assert.Equal(3, tokenizer.TokenToId("<unk>"));
        Assert.Equal([4, 3, 3, 5], tokenizer.Encode("axyb"));
    }

    [Fact]
    public void Special_token_strings_in_text_map_to_their_ids()
    {
        Assert.Equal([2, 4, 1, 0, 0], Digits.Encode("<bos>1<eos><pad><pad>"));
    }

    [Fact]
    public void Decode_can_skip_special_tokens_and_ignores_unknown_ids()
    {
        Assert.Equal("<bos>12<eos>", Digits.Decode([2, 4, 5, 1]));
        Assert.Equal("12", Digits.Decode([2, 4, 5, 1, 0, 0], skipSpecialTokens: true));
        Assert.Equal("12", Digits.Decode([4, 99, -3, 5]));
    }

    [Fact]
    public void Multi_character_entries_match_leftmost_longest()
    {
        var tokenizer = new CharTokenizer(["1", "0", "10", "100"], new CharTokenizerOptions { BosToken = null });
        // ids: <pad> 0, <eos> 1, "1" 2, "0" 3, "10" 4, "100" 5
        Assert.Equal([5, 2, 4], tokenizer.Encode("100110"));
        Assert.Equal([3, 4, 2], tokenizer.Encode("0101"));
        Assert.Equal("100110", tokenizer.Decode(tokenizer.Encode("100110")));
        Assert.DoesNotContain(5, tokenizer.SpecialTokenIds);
    }

    [Fact]
    public void A_character_outside_the_basic_plane_is_one_token()
    {
        var tokenizer = CharTokenizer.FromCharacters("ab\U0001F600");
        Assert.Equal([3, 5, 4], tokenizer.Encode("a\U0001F600b"));
        Assert.Equal("a\U0001F600b", tokenizer.Decode([3, 5, 4]));
    }

    [Fact]
    public void FromCharacters_keeps_the_first_appearance_of_each_character()
    {
        var tokenizer = CharTokenizer.FromCharacters("abcabc");
        Assert.Equal(6, tokenizer.VocabSize);
        Assert.Equal(5, tokenizer.TokenToId("c"));
    }

    [Fact]
    public void Repeated_or_empty_entries_are_rejected()
    {
        Assert.Contains("\"a\"", Assert.Throws<ArgumentException>(() => new CharTokenizer(["a", "b", "a"])).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new CharTokenizer(["a", ""]));
        Assert.Throws<ArgumentException>(() => new CharTokenizer(["<eos>"]));
        Assert.Throws<ArgumentException>(() => new CharTokenizer(["\ud800"]));
    }
}
