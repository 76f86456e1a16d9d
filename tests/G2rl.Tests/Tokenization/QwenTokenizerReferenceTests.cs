namespace G2rl.Tests.Tokenization;

/// <summary>The Qwen3 tokenizer against Hugging Face's ids and decoded text, one test per reference case.</summary>
[Collection(QwenTokenizerCollection.Name)]
public sealed class QwenTokenizerReferenceTests(QwenTokenizerFixture fixture)
{
    public static TheoryData<int, string> Cases => TokenizerTestFiles.CaseData();

    [Fact]
    public void Reference_file_has_cases()
    {
        Assert.True(TokenizerTestFiles.Cases.Count >= 12, $"only {TokenizerTestFiles.Cases.Count} reference cases");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Encode_gives_the_reference_ids(int index, string text)
    {
        var expected = TokenizerTestFiles.Cases[index].Ids;
        var actual = fixture.Tokenizer.Encode(text);
        Assert.True(expected.SequenceEqual(actual),
            $"case {index} {System.Text.Json.JsonSerializer.Serialize(text)}:\n expected [{string.Join(',', expected)}]\n actual   [{string.Join(',', actual)}]");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decode_of_the_reference_ids_gives_the_reference_text(int index, string text)
    {
        var reference = TokenizerTestFiles.Cases[index];
        Assert.Equal(reference.Decoded, fixture.Tokenizer.Decode(reference.Ids));
        Assert.Equal(reference.Decoded, fixture.Tokenizer.Decode(fixture.Tokenizer.Encode(text)));
    }
}
