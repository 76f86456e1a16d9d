using G2rl.Grading;

namespace G2rl.Data;

/// <summary>
/// Builds GPQA choice problems from the original GPQA CSV (columns <c>Question</c>, <c>Correct Answer</c>,
/// <c>Incorrect Answer 1..3</c>, <c>Record ID</c>, <c>High-level domain</c>), exactly as
/// <c>data/build/vendor.py</c> does for <c>data/gpqa_diamond.jsonl.gz</c>.
/// </summary>
/// <remarks>
/// Per row: question and options are trimmed; the options [correct, incorrect 1, 2, 3] are ordered by
/// <see cref="ChoiceShuffle.Permutation"/> keyed by the Record ID; the answer is the letter of the slot that
/// holds the correct answer; the question text gets the lettered options block (<see cref="ChoiceOptions.Format"/>).
/// </remarks>
public static class GpqaCsv
{
    /// <summary>CSV columns holding the four options, the correct one first.</summary>
    public static readonly IReadOnlyList<string> OptionColumns =
        ["Correct Answer", "Incorrect Answer 1", "Incorrect Answer 2", "Incorrect Answer 3"];

    /// <summary>Reads and converts a GPQA CSV file.</summary>
    public static IReadOnlyList<Problem> Load(string path, string source = "gpqa_diamond")
    {
        if (!File.Exists(path))
        {
            throw new G2rlException($"GPQA CSV not found: {path}");
        }

        try
        {
            return Parse(File.ReadAllText(path), source);
        }
        catch (G2rlException e)
        {
            throw new G2rlException($"{path}: {e.Message}", e);
        }
    }

    /// <summary>Converts GPQA CSV text; one problem per data row, in file order.</summary>
    public static IReadOnlyList<Problem> Parse(string csvText, string source = "gpqa_diamond")
    {
        var rows = CsvReader.ParseWithHeader(csvText);
        if (rows.Count == 0)
        {
            throw new G2rlException("GPQA CSV has no data rows");
        }

        var missing = OptionColumns.Prepend("Record ID").Prepend("Question").Where(c => !rows[0].ContainsKey(c)).ToArray();
        if (missing.Length > 0)
        {
            throw new G2rlException($"GPQA CSV lacks column(s) {string.Join(", ", missing.Select(c => $"'{c}'"))}");
        }

        var problems = new List<Problem>(rows.Count);
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            var id = Column(row, "Record ID", r).Trim();
            var original = OptionColumns.Select(c => Column(row, c, r).Trim()).ToArray();
            var perm = ChoiceShuffle.Permutation(id, original.Length);
            var options = perm.Select(p => original[p]).ToArray();
            var question = Column(row, "Question", r).Trim();
            problems.Add(new Problem(
                id,
                ChoiceOptions.Format(question, options),
                ChoiceOptions.Letter(Array.IndexOf(perm, 0)),
                AnswerKind.Choice,
                options,
                source)
            {
                Subject = row.TryGetValue("High-level domain", out var domain) ? domain.Trim() : null,
            });
        }

        return problems;
    }

    private static string Column(IReadOnlyDictionary<string, string> row, string column, int rowIndex)
    {
        var value = row[column];
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new G2rlException($"GPQA CSV record {rowIndex + 2}: '{column}' is empty");
        }

        return value;
    }
}
