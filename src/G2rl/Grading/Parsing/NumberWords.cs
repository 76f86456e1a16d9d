using System.Numerics;

namespace G2rl.Grading.Parsing;

/// <summary>English number words: "five", "twenty-one", "one hundred twelve", "two thousand".</summary>
internal static class NumberWords
{
    private static readonly Dictionary<string, int> Units = new(StringComparer.OrdinalIgnoreCase)
    {
        ["zero"] = 0, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6,
        ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12,
        ["thirteen"] = 13, ["fourteen"] = 14, ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17,
        ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50,
        ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
    };

    private static readonly Dictionary<string, int> Scales = new(StringComparer.OrdinalIgnoreCase)
    {
        ["hundred"] = 100, ["thousand"] = 1000, ["million"] = 1_000_000,
    };

    /// <summary>True when the whole (trimmed) text is a number phrase.</summary>
    public static bool TryParse(string text, out BigInteger value)
    {
        var trimmed = text.Trim();
        return TryScan(trimmed, 0, out value, out var end) && end == trimmed.Length;
    }

    /// <summary>Reads a number phrase starting at a word boundary <paramref name="start"/>; words are joined by one space or hyphen.</summary>
    public static bool TryScan(string text, int start, out BigInteger value, out int end)
    {
        value = BigInteger.Zero;
        end = start;
        BigInteger total = 0, current = 0;
        var any = false;
        var pos = start;
        while (true)
        {
            var wordEnd = pos;
            while (wordEnd < text.Length && char.IsAsciiLetter(text[wordEnd]))
            {
                wordEnd++;
            }
            var word = text[pos..wordEnd];
            if (Units.TryGetValue(word, out var unit))
            {
                current += unit;
            }
            else if (any && Scales.TryGetValue(word, out var scale))
            {
                current = (current.IsZero ? 1 : current) * scale;
                if (scale >= 1000)
                {
                    total += current;
                    current = 0;
                }
            }
            else
            {
                break;
            }
            any = true;
            end = wordEnd;
            if (wordEnd + 1 < text.Length && text[wordEnd] is ' ' or '-' && char.IsAsciiLetter(text[wordEnd + 1]))
            {
                pos = wordEnd + 1;
                continue;
            }
            break;
        }
        value = total + current;
        return any;
    }
}
