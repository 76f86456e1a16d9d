using System.Globalization;
using System.Text;

namespace G2rl.Tokenization;

/// <summary>
/// Unicode Normalization Form C, implemented over embedded tables (<see cref="UnicodeNfcData"/>).
/// The project runs with <c>InvariantGlobalization</c>, where <see cref="string.Normalize()"/> leaves non-ASCII
/// text unchanged, so the tokenizers cannot rely on it.
/// </summary>
public static class UnicodeNfc
{
    private const int HangulBase = 0xAC00, LeadBase = 0x1100, VowelBase = 0x1161, TrailBase = 0x11A7;
    private const int LeadCount = 19, VowelCount = 21, TrailCount = 28, HangulCount = 11172;

    private static readonly Lazy<Tables> Data = new(Tables.Parse);

    /// <summary>The Unicode version of the embedded tables.</summary>
    public static string UnicodeVersion => UnicodeNfcData.UnicodeVersion;

    /// <summary>Returns <paramref name="text"/> in NFC; returns the same instance when nothing changes.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var data = Data.Value;
        if (!NeedsWork(text, data))
        {
            return text;
        }
        var codePoints = Decompose(text, data);
        SortCombiningMarks(codePoints, data);
        Compose(codePoints, data);
        var builder = new StringBuilder(text.Length);
        foreach (var cp in codePoints)
        {
            Append(builder, cp);
        }
        var result = builder.ToString();
        return result == text ? text : result;
    }

    private static bool NeedsWork(string text, Tables data)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var cp = ReadCodePoint(text, ref i);
            if (cp >= 0x300 && data.Interesting.Contains(cp))
            {
                return true;
            }
        }
        return false;
    }

    private static List<int> Decompose(string text, Tables data)
    {
        var output = new List<int>(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var cp = ReadCodePoint(text, ref i);
            if (cp is >= HangulBase and < HangulBase + HangulCount)
            {
                var index = cp - HangulBase;
                output.Add(LeadBase + (index / (VowelCount * TrailCount)));
                output.Add(VowelBase + (index % (VowelCount * TrailCount) / TrailCount));
                if (index % TrailCount != 0)
                {
                    output.Add(TrailBase + (index % TrailCount));
                }
            }
            else if (data.FullDecomposition.TryGetValue(cp, out var parts))
            {
                output.AddRange(parts);
            }
            else
            {
                output.Add(cp);
            }
        }
        return output;
    }

    /// <summary>Canonical ordering: a stable sort of each run of non-starters by combining class.</summary>
    private static void SortCombiningMarks(List<int> cps, Tables data)
    {
        for (var i = 1; i < cps.Count; i++)
        {
            var ccc = data.CombiningClass(cps[i]);
            if (ccc == 0)
            {
                continue;
            }
            var j = i;
            while (j > 0 && data.CombiningClass(cps[j - 1]) > ccc)
            {
                (cps[j - 1], cps[j]) = (cps[j], cps[j - 1]);
                j--;
            }
        }
    }

    private static void Compose(List<int> cps, Tables data)
    {
        var result = new List<int>(cps.Count);
        var starter = -1;
        var lastClass = -1; // class of the last character kept after the starter; -1 when it is adjacent
        foreach (var cp in cps)
        {
            var ccc = data.CombiningClass(cp);
            var blocked = lastClass != -1 && (lastClass == 0 || lastClass >= ccc);
            if (starter >= 0 && !blocked && TryCompose(result[starter], cp, data, out var composite))
            {
                result[starter] = composite;
                continue;
            }
            if (ccc == 0)
            {
                starter = result.Count;
                lastClass = -1;
            }
            else
            {
                lastClass = ccc;
            }
            result.Add(cp);
        }
        cps.Clear();
        cps.AddRange(result);
    }

    private static bool TryCompose(int first, int second, Tables data, out int composite)
    {
        if (first is >= LeadBase and < LeadBase + LeadCount && second is >= VowelBase and < VowelBase + VowelCount)
        {
            composite = HangulBase + ((((first - LeadBase) * VowelCount) + (second - VowelBase)) * TrailCount);
            return true;
        }
        if (first is >= HangulBase and < HangulBase + HangulCount && (first - HangulBase) % TrailCount == 0
            && second is > TrailBase and < TrailBase + TrailCount)
        {
            composite = first + (second - TrailBase);
            return true;
        }
        return data.Compositions.TryGetValue(((long)first << 21) | (uint)second, out composite);
    }

    private static int ReadCodePoint(string text, ref int i)
    {
        if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
        {
            i++;
            return char.ConvertToUtf32(text[i - 1], text[i]);
        }
        return text[i];
    }

    private static void Append(StringBuilder builder, int cp)
    {
        if (cp > 0xFFFF)
        {
            builder.Append(char.ConvertFromUtf32(cp));
        }
        else
        {
            builder.Append((char)cp); // lone surrogates pass through unchanged
        }
    }

    private sealed class Tables
    {
        public Dictionary<int, int[]> FullDecomposition { get; } = [];
        public Dictionary<long, int> Compositions { get; } = [];
        public HashSet<int> Interesting { get; } = [];
        private readonly Dictionary<int, int> classes = [];

        public int CombiningClass(int cp) => classes.GetValueOrDefault(cp);

        public static Tables Parse()
        {
            var tables = new Tables();
            var text = string.Concat(UnicodeNfcData.Tables.Where(c => !char.IsWhiteSpace(c)));
            var sections = text.Split('|');
            var direct = new Dictionary<int, int[]>();
            var cp = 0;
            foreach (var entry in sections[0].Split(';'))
            {
                var composes = entry.StartsWith('+');
                var fields = entry.TrimStart('+').Split(',').Select(Hex).ToArray();
                cp += fields[0];
                direct[cp] = fields[1..];
                if (composes)
                {
                    tables.Compositions[((long)fields[1] << 21) | (uint)fields[2]] = cp;
                    tables.Interesting.Add(fields[2]);
                }
            }
            foreach (var run in sections[1].Split(';'))
            {
                var fields = run.Split(',').Select(Hex).ToArray();
                for (var c = fields[0]; c <= fields[0] + fields[1]; c++)
                {
                    tables.classes[c] = fields[2];
                    tables.Interesting.Add(c);
                }
            }
            foreach (var key in direct.Keys)
            {
                tables.FullDecomposition[key] = Expand(key, direct).ToArray();
                tables.Interesting.Add(key);
            }
            for (var c = VowelBase; c < TrailBase + TrailCount; c++)
            {
                tables.Interesting.Add(c); // Hangul vowel and trail jamo compose with what precedes them
            }
            return tables;
        }

        private static IEnumerable<int> Expand(int cp, Dictionary<int, int[]> direct) =>
            direct.TryGetValue(cp, out var parts) ? parts.SelectMany(p => Expand(p, direct)) : [cp];

        private static int Hex(string s) => int.Parse(s, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
    }
}
