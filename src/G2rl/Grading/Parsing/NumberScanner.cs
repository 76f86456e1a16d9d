using System.Text;

namespace G2rl.Grading.Parsing;

/// <summary>
/// Reads a decimal literal, dropping thousands separators: "2{,}125", "10,\!080", and a plain "2,125" when
/// it is outside brackets, has no spaces and every group after the first has exactly three digits.
/// </summary>
internal static class NumberScanner
{
    /// <summary>Scans from <paramref name="start"/> (a digit, or a dot before a digit); returns the end index.</summary>
    public static int Scan(string s, int start, bool plainCommaAllowed, StringBuilder digits)
    {
        var i = ReadDigits(s, start, digits);
        var plain = plainCommaAllowed && PlainGroupsValid(s, start);
        while (TrySeparator(s, i, plain, out var after) && ThreeDigitsAt(s, after))
        {
            digits.Append(s, after, 3);
            i = after + 3;
        }
        if (i + 1 < s.Length && s[i] == '.' && char.IsAsciiDigit(s[i + 1]))
        {
            digits.Append('.');
            i = ReadDigits(s, i + 1, digits);
        }
        return i;
    }

    private static int ReadDigits(string s, int i, StringBuilder digits)
    {
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            digits.Append(s[i]);
            i++;
        }
        return i;
    }

    private static bool TrySeparator(string s, int i, bool plain, out int after)
    {
        after = i;
        if (string.CompareOrdinal(s, i, "{,}", 0, 3) == 0)
        {
            after = i + 3;
            return true;
        }
        if (string.CompareOrdinal(s, i, ",\\!", 0, 3) == 0)
        {
            after = i + 3;
            while (after < s.Length && s[after] == ' ')
            {
                after++;
            }
            return true;
        }
        if (plain && i < s.Length && s[i] == ',')
        {
            after = i + 1;
            return true;
        }
        return false;
    }

    private static bool ThreeDigitsAt(string s, int i) =>
        i + 3 <= s.Length
        && char.IsAsciiDigit(s[i]) && char.IsAsciiDigit(s[i + 1]) && char.IsAsciiDigit(s[i + 2])
        && (i + 3 == s.Length || !char.IsAsciiDigit(s[i + 3]));

    /// <summary>"1,234,567": first group 1-3 digits, then only ",ddd" groups, at least one of them.</summary>
    private static bool PlainGroupsValid(string s, int start)
    {
        var i = start;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
        }
        var first = i - start;
        if (first is < 1 or > 3 || i >= s.Length || s[i] != ',')
        {
            return false;
        }
        while (i < s.Length && s[i] == ',' && i + 1 < s.Length && char.IsAsciiDigit(s[i + 1]))
        {
            var groupStart = i + 1;
            var j = groupStart;
            while (j < s.Length && char.IsAsciiDigit(s[j]))
            {
                j++;
            }
            if (j - groupStart != 3)
            {
                return false;
            }
            i = j;
        }
        return true;
    }
}
