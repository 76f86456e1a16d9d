using System.Text;

namespace G2rl.Data;

/// <summary>
/// A small RFC 4180 CSV reader: comma-separated fields; a field may be quoted with <c>"</c>, and then may hold
/// commas, line breaks and doubled quotes (<c>""</c> → <c>"</c>). Records end at CRLF, LF or CR outside quotes.
/// </summary>
/// <remarks>
/// Lenient where RFC 4180 is silent: a leading UTF-8 BOM is dropped, a final line break is optional, empty lines
/// between records are skipped, and a quote inside an unquoted field is kept literally. Errors (text after a
/// closing quote, an unterminated quoted field) throw <see cref="G2rlException"/> naming the line.
/// </remarks>
public static class CsvReader
{
    /// <summary>All records of <paramref name="text"/>, each a list of its fields, in order.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var records = new List<IReadOnlyList<string>>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        var atFieldStart = true;
        var lineEmpty = true;

        while (i < text.Length)
        {
            var c = text[i];
            if (atFieldStart && c == '"')
            {
                var quoteLine = line;
                i++;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        throw new G2rlException($"CSV line {quoteLine}: quoted field is not terminated");
                    }

                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    line += IsLineBreakStart(text, i) ? 1 : 0;
                    field.Append(text[i]);
                    i++;
                }

                if (i < text.Length && text[i] != ',' && text[i] != '\r' && text[i] != '\n')
                {
                    throw new G2rlException($"CSV line {line}: unexpected '{text[i]}' after a closing quote");
                }

                atFieldStart = false;
                lineEmpty = false;
                continue;
            }

            if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
                atFieldStart = true;
                lineEmpty = false;
                i++;
                continue;
            }

            if (c is '\r' or '\n')
            {
                i += c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                line++;
                if (!lineEmpty)
                {
                    fields.Add(field.ToString());
                    records.Add(fields.ToArray());
                }

                fields.Clear();
                field.Clear();
                atFieldStart = true;
                lineEmpty = true;
                continue;
            }

            field.Append(c);
            atFieldStart = false;
            lineEmpty = false;
            i++;
        }

        if (!lineEmpty)
        {
            fields.Add(field.ToString());
            records.Add(fields.ToArray());
        }

        return records;
    }

    /// <summary>
    /// Records after the first (the header), each as a column-name → field map. Every record must have as many
    /// fields as the header; header names must be unique.
    /// </summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> ParseWithHeader(string text)
    {
        var records = Parse(text);
        if (records.Count == 0)
        {
            throw new G2rlException("CSV has no header row");
        }

        var header = records[0];
        var duplicate = header.GroupBy(h => h, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new G2rlException($"CSV header repeats column '{duplicate.Key}'");
        }

        var rows = new List<IReadOnlyDictionary<string, string>>(records.Count - 1);
        for (var r = 1; r < records.Count; r++)
        {
            if (records[r].Count != header.Count)
            {
                throw new G2rlException(
                    $"CSV record {r + 1} has {records[r].Count} fields, the header has {header.Count}");
            }

            var row = new Dictionary<string, string>(header.Count, StringComparer.Ordinal);
            for (var f = 0; f < header.Count; f++)
            {
                row[header[f]] = records[r][f];
            }

            rows.Add(row);
        }

        return rows;
    }

    private static bool IsLineBreakStart(string text, int i) =>
        text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n'));
}
