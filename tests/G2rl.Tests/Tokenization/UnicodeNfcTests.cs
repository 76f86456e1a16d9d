using System.Text;
using G2rl.Tokenization;

namespace G2rl.Tests.Tokenization;

/// <summary>NFC from the embedded tables (the process runs with InvariantGlobalization, where string.Normalize does nothing).</summary>
public sealed class UnicodeNfcTests
{
    [Theory]
    [InlineData("e\u0301", "\u00e9")] // composition
    [InlineData("\u212b", "\u00c5")] // singleton decomposition (Angstrom sign)
    [InlineData("a\u0301\u0323", "\u1ea1\u0301")] // canonical reordering, then composition with the first mark
    [InlineData("A\u030a\u0301", "\u01fa")] // two successive compositions
    [InlineData("\u1e9b\u0323", "\u1e9b\u0323")] // stays: composing the dot below first is blocked
    [InlineData("\u1100\u1161\u11a8", "\uac01")] // Hangul jamo L V T
    [InlineData("\uac00\u11a8", "\uac01")] // Hangul LV + T
    [InlineData("\u0958", "\u0915\u093c")] // composition exclusion
    [InlineData("\U0001d15e", "\U0001d157\U0001d165")] // excluded, outside the basic plane
    [InlineData("x\ud800y", "x\ud800y")] // a lone surrogate passes through
    public void Normalize_gives_NFC(string input, string expected)
    {
        Assert.Equal(Hex(expected), Hex(UnicodeNfc.Normalize(input)));
    }

    [Fact]
    public void Text_already_in_NFC_comes_back_as_the_same_instance()
    {
        var text = "Plain ASCII, caf\u00e9, \u6570\u5b66, \uac01";
        Assert.Same(text, UnicodeNfc.Normalize(text));
    }

    [Fact]
    public void Normalizing_twice_changes_nothing_for_any_code_point()
    {
        var failures = new List<string>();
        for (var cp = 0; cp <= 0x10FFFF; cp++)
        {
            if (cp is >= 0xD800 and <= 0xDFFF)
            {
                continue;
            }
            var once = UnicodeNfc.Normalize(char.ConvertFromUtf32(cp) + "\u0301");
            if (UnicodeNfc.Normalize(once) != once)
            {
                failures.Add($"U+{cp:X4}");
            }
        }
        Assert.Empty(failures);
    }

    private static string Hex(string s) => string.Join(' ', s.Select(c => ((int)c).ToString("X4")));
}
