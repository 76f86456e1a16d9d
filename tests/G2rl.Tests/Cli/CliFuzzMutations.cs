using System.Text;

namespace G2rl.Tests.Cli;

/// <summary>Seeded mutations of config text, JSON files, token-id files and safetensors bytes for <see cref="CliFuzzTests"/>.</summary>
internal static class CliFuzzMutations
{
    private static readonly string[] Tokens =
    [
        "\"", "{", "}", "[", "]", ":", ",", "-1", "0", "1e400", "-1e400", "NaN", ".nan", ".inf", "Infinity", "null", "true", "\"x\"",
        "\n", "99999999999", "2147483647", "\u0000", "\t", "#", "=", "'", "&a", "*a", "!!binary", "[[[[[[", "- ", "\\u12",
    ];

    private static readonly string[] Values = ["-1", "0", "1e400", "1.5", "\"a\"", "null", "true", "[]", "{}", "99999999999", "2147483647", "-2147483649"];

    /// <summary>One to three random text edits (delete, insert, replace a number, truncate, duplicate, deep nesting).</summary>
    public static (string Text, string What) Text(string text, Random random)
    {
        var what = new List<string>();
        var edits = random.Next(1, 4);
        for (var e = 0; e < edits && text.Length > 0; e++)
        {
            var at = random.Next(text.Length);
            switch (random.Next(6))
            {
                case 0:
                    var len = Math.Min(text.Length - at, random.Next(1, 12));
                    what.Add($"delete {len}@{at}");
                    text = text.Remove(at, len);
                    break;
                case 1:
                    var token = Tokens[random.Next(Tokens.Length)];
                    what.Add($"insert {Escape(token)}@{at}");
                    text = text.Insert(at, token);
                    break;
                case 2:
                    var (replaced, where) = ReplaceNumber(text, random);
                    what.Add($"number@{where}");
                    text = replaced;
                    break;
                case 3:
                    what.Add($"truncate@{at}");
                    text = text[..at];
                    break;
                case 4:
                    var n = Math.Min(text.Length - at, random.Next(1, 8));
                    if (!text.AsSpan(at, n).ContainsAnyInRange('0', '9'))
                    {
                        what.Add($"duplicate {n}@{at}");
                        text = text.Insert(at, text.Substring(at, n));
                    }
                    break;
                default:
                    var depth = random.Next(2) == 0 ? 100 : 100_000;
                    what.Add($"nest {depth}@{at}");
                    text = text.Insert(at, new string('[', depth) + new string(']', depth));
                    break;
            }
        }
        return (text, string.Join(", ", what));
    }

    /// <summary>A random number in the text replaced by a value of another type or range.</summary>
    private static (string Text, int At) ReplaceNumber(string text, Random random)
    {
        var starts = Enumerable.Range(0, text.Length).Where(i => char.IsAsciiDigit(text[i]) && (i == 0 || !char.IsAsciiDigit(text[i - 1]))).ToList();
        if (starts.Count == 0)
        {
            return (text, -1);
        }
        var start = starts[random.Next(starts.Count)];
        var end = start;
        while (end < text.Length && (char.IsAsciiDigit(text[end]) || text[end] is '.' or 'e' or '-'))
        {
            end++;
        }
        return (text[..start] + Values[random.Next(Values.Length)] + text[end..], start);
    }

    /// <summary>A token-id file that is invalid in one random way (so every case must fail).</summary>
    public static (string Json, string What) InvalidIds(Random random)
    {
        var rows = random.Next(1, 4);
        var width = random.Next(2, 6);
        var ids = Enumerable.Range(0, rows).Select(_ => Enumerable.Range(0, width).Select(_ => random.Next(384).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList()).ToList();
        var mask = Enumerable.Range(0, rows).Select(_ => Enumerable.Repeat("1", width).ToList()).ToList();
        string? start = null;
        string what;
        var (r, c) = (random.Next(rows), random.Next(width));
        switch (random.Next(8))
        {
            case 0:
                ids[r][c] = new[] { "-1", "384", "1e400", "1.5", "\"a\"", "null", "true", "[]", "99999999999" }[random.Next(9)];
                what = $"id {ids[r][c]}";
                break;
            case 1:
                ids[r].RemoveAt(c);
                what = "ragged";
                if (rows == 1)
                {
                    ids[0] = ids[0].Take(1).ToList();
                    mask[0] = mask[0].Take(1).ToList();
                    what = "one token";
                }
                break;
            case 2:
                mask[r][c] = new[] { "2", "-1", "\"x\"", "0.5" }[random.Next(4)];
                what = $"mask {mask[r][c]}";
                break;
            case 3:
                start = "[" + string.Join(",", Enumerable.Range(0, rows).Select(i => i == r ? new[] { "0", "999", "\"x\"", "-5" }[random.Next(4)] : "1")) + "]";
                what = $"response_start {start}";
                break;
            case 4:
                mask.RemoveAt(r);
                what = "mask rows";
                break;
            default:
                var whole = Build(ids, mask, null);
                return random.Next(3) switch
                {
                    0 => (whole[..random.Next(whole.Length - 1)], "truncated"),
                    1 => (new[] { "[]", "5", "\"x\"", "{}", "{\"input_ids\": {}}", "{\"input_ids\": [[]]}", "{\"input_ids\": 5}" }[random.Next(7)], "shape"),
                    _ => ("{\"input_ids\": " + new string('[', 50_000) + new string(']', 50_000) + "}", "deep"),
                };
        }
        return (Build(ids, mask, start), what);
    }

    private static string Build(List<List<string>> ids, List<List<string>> mask, string? start)
    {
        var sb = new StringBuilder("{\"input_ids\": [");
        sb.AppendJoin(", ", ids.Select(r => "[" + string.Join(", ", r) + "]"));
        sb.Append("], \"attention_mask\": [").AppendJoin(", ", mask.Select(r => "[" + string.Join(", ", r) + "]")).Append(']');
        if (start is not null)
        {
            sb.Append(", \"response_start\": ").Append(start);
        }
        return sb.Append('}').ToString();
    }

    /// <summary>Safetensors bytes damaged in one random way: a header byte flipped, the length field changed, or the file cut.</summary>
    public static (byte[] Bytes, string What) Safetensors(byte[] original, Random random)
    {
        var bytes = (byte[])original.Clone();
        var headerEnd = 8 + (int)BitConverter.ToUInt64(bytes, 0);
        switch (random.Next(3))
        {
            case 0:
                var at = random.Next(8, headerEnd);
                const string Replacements = "{}[]\",:0123456789-e\u0000xF";
                bytes[at] = (byte)Replacements[random.Next(Replacements.Length)];
                return (bytes, $"header byte {at}");
            case 1:
                var length = new[] { 0UL, 1UL, (ulong)bytes.Length, ulong.MaxValue, (ulong)random.Next(headerEnd) }[random.Next(5)];
                BitConverter.GetBytes(length).CopyTo(bytes, 0);
                return (bytes, $"header length {length}");
            default:
                var cut = random.Next(bytes.Length);
                return (bytes[..cut], $"cut at {cut}");
        }
    }

    private static string Escape(string s) => s.Replace("\n", "\\n", StringComparison.Ordinal).Replace("\u0000", "\\0", StringComparison.Ordinal);
}
