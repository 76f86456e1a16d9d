using G2rl.Tokenization;

namespace G2rl.Tests.Tokenization;

/// <summary>Behaviour of the Qwen3 tokenizer beyond the reference cases.</summary>
[Collection(QwenTokenizerCollection.Name)]
public sealed class QwenTokenizerTests(QwenTokenizerFixture fixture)
{
    private const int EndOfText = 151643, ImStart = 151644, ImEnd = 151645, Think = 151667;

    private QwenTokenizer T => fixture.Tokenizer;

    [Fact]
    public void Chat_markup_tokens_in_text_map_to_their_ids()
    {
        var ids = T.Encode("<|im_start|>user\nhi<|im_end|>");
        var inner = T.Encode("user\nhi");
        Assert.Equal([ImStart, .. inner, ImEnd], ids);
    }

    [Fact]
    public void Non_special_added_tokens_in_text_map_to_their_ids()
    {
        Assert.Equal([Think], T.Encode("<think>"));
    }

    [Fact]
    public void Eos_and_pad_come_from_the_tokenizer_config_beside_the_file()
    {
        // qwen3-tokenizer_config.json (an instruct config) names eos <|im_end|> and pad <|endoftext|>.
        Assert.Equal(ImEnd, T.EosTokenId);
        Assert.Equal(EndOfText, T.PadTokenId);
    }

    [Fact]
    public void Decomposed_accents_encode_like_precomposed_ones()
    {
        Assert.Equal(T.Encode("caf\u00e9 na\u00efve"), T.Encode("cafe\u0301 nai\u0308ve"));
    }

    [Fact]
    public void A_combining_mark_after_an_added_token_does_not_merge_into_it()
    {
        // NFC would turn ">" + U+0338 into U+226F; Hugging Face cuts added tokens out before normalizing.
        var ids = T.Encode("<|im_end|>\u0338");
        Assert.Equal(ImEnd, ids[0]);
        Assert.Equal("<|im_end|>\u0338", T.Decode(ids));
    }

    [Fact]
    public void Skipping_special_tokens_keeps_non_special_added_tokens()
    {
        var ids = T.Encode("<|im_start|>assistant\n<think>\nok<|im_end|><|endoftext|>");
        Assert.Equal("assistant\n<think>\nok", T.Decode(ids, skipSpecialTokens: true));
        Assert.Equal("<|im_start|>assistant\n<think>\nok<|im_end|><|endoftext|>", T.Decode(ids));
    }

    [Fact]
    public void Decode_skips_ids_outside_the_vocabulary()
    {
        Assert.Equal("Hello world", T.Decode([9707, 151900, -1, 1879]));
    }

    [Fact]
    public void Token_lookups_cover_vocabulary_and_added_tokens()
    {
        Assert.Equal(9707, T.TokenToId("Hello"));
        Assert.Equal(1879, T.TokenToId("\u0120world"));
        Assert.Equal(ImStart, T.TokenToId("<|im_start|>"));
        Assert.Null(T.TokenToId("no such token, surely"));
        Assert.Equal("\u0120world", T.IdToToken(1879));
        Assert.Equal("</think>", T.IdToToken(151668));
        Assert.Null(T.IdToToken(151669));
        Assert.Null(T.IdToToken(-1));
    }

    [Fact]
    public void Vocab_size_counts_added_tokens_and_special_ids_are_the_flagged_ones()
    {
        Assert.Equal(151669, T.VocabSize);
        Assert.Contains(EndOfText, T.SpecialTokenIds);
        Assert.Contains(ImStart, T.SpecialTokenIds);
        Assert.DoesNotContain(Think, T.SpecialTokenIds);
        Assert.Equal(14, T.SpecialTokenIds.Count);
    }

    [Fact]
    public void Empty_text_encodes_to_no_ids()
    {
        Assert.Empty(T.Encode(""));
        Assert.Equal("", T.Decode([]));
    }
}
