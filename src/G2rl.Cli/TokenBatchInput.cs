using System.Text.Json;

namespace G2rl.Cli;

/// <summary>
/// The JSON input of <c>score</c>, <c>generate</c> and <c>features</c>: <c>{"input_ids": [[...]], "attention_mask": [[...]],
/// "response_start": [...]}</c> (mask and response_start optional). Rows must have equal length; errors name the file and field.
/// </summary>
internal sealed record TokenBatchInput(long[][] InputIds, long[][] AttentionMask, int[]? ResponseStart)
{
    public int Batch => InputIds.Length;

    public int Length => InputIds[0].Length;

    public static TokenBatchInput Load(string path, int vocabSize)
    {
        if (!File.Exists(path))
        {
            throw new G2rlException($"input file not found: {path}");
        }
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(File.ReadAllText(path));
        }
        catch (JsonException ex)
        {
            throw new G2rlException($"{path}: malformed JSON: {ex.Message}", ex);
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("input_ids", out var idsElement))
            {
                throw new G2rlException($"{path}: expected an object with field 'input_ids'");
            }
            var ids = ReadMatrix(idsElement, path, "input_ids");
            var mask = root.TryGetProperty("attention_mask", out var m) ? ReadMatrix(m, path, "attention_mask") : ids.Select(r => r.Select(_ => 1L).ToArray()).ToArray();
            Validate(path, ids, mask, vocabSize);
            int[]? start = null;
            if (root.TryGetProperty("response_start", out var s))
            {
                start = ReadVector(s, path, "response_start");
                if (start.Length != ids.Length || start.Any(v => v < 1 || v > ids[0].Length))
                {
                    throw new G2rlException($"{path}: 'response_start' needs one value per row in [1, {ids[0].Length}]");
                }
            }
            return new TokenBatchInput(ids, mask, start);
        }
    }

    private static void Validate(string path, long[][] ids, long[][] mask, int vocabSize)
    {
        if (ids.Length == 0 || ids[0].Length < 2)
        {
            throw new G2rlException($"{path}: 'input_ids' needs at least one row of at least 2 tokens");
        }
        for (var b = 0; b < ids.Length; b++)
        {
            if (ids[b].Length != ids[0].Length)
            {
                throw new G2rlException($"{path}: 'input_ids' row {b} has {ids[b].Length} tokens, row 0 has {ids[0].Length} (pad the rows)");
            }
            if (b >= mask.Length || mask[b].Length != ids[b].Length)
            {
                throw new G2rlException($"{path}: 'attention_mask' must have the shape of 'input_ids' (row {b})");
            }
            var bad = Array.FindIndex(ids[b], v => v < 0 || v >= vocabSize);
            if (bad >= 0)
            {
                throw new G2rlException($"{path}: 'input_ids'[{b}][{bad}] = {ids[b][bad]} is outside the vocabulary [0, {vocabSize})");
            }
            if (mask[b].Any(v => v is not (0 or 1)))
            {
                throw new G2rlException($"{path}: 'attention_mask' row {b} must contain only 0 and 1");
            }
        }
        if (mask.Length != ids.Length)
        {
            throw new G2rlException($"{path}: 'attention_mask' has {mask.Length} rows, 'input_ids' has {ids.Length}");
        }
    }

    private static long[][] ReadMatrix(JsonElement e, string path, string field)
    {
        if (e.ValueKind != JsonValueKind.Array || e.EnumerateArray().Any(r => r.ValueKind != JsonValueKind.Array))
        {
            throw new G2rlException($"{path}: '{field}' must be a list of lists of integers");
        }
        return e.EnumerateArray().Select((r, i) => r.EnumerateArray().Select((v, j) =>
            v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var x) ? x : throw new G2rlException($"{path}: '{field}'[{i}][{j}] is not an integer")).ToArray()).ToArray();
    }

    private static int[] ReadVector(JsonElement e, string path, string field)
    {
        if (e.ValueKind != JsonValueKind.Array)
        {
            throw new G2rlException($"{path}: '{field}' must be a list of integers");
        }
        return e.EnumerateArray().Select((v, i) => v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var x) ? x : throw new G2rlException($"{path}: '{field}'[{i}] is not an integer")).ToArray();
    }
}
