using System.Globalization;
using System.Text;
using System.Text.Json;
using G2rl.Reporting;

namespace G2rl.Training;

/// <summary>Reads and writes &lt;run&gt;/completions/step-NNNNNN.jsonl (one <see cref="CompletionsLine"/> per line, written atomically).</summary>
public static class CompletionsFile
{
    /// <summary>snake_case keys; non-finite numbers (a diverged step) are written as the strings "NaN", "Infinity", "-Infinity".</summary>
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>The folder of a run's completions files.</summary>
    public static string Folder(string runDirectory) => Path.Combine(runDirectory, "completions");

    /// <summary>The file of 1-based step <paramref name="step"/>.</summary>
    public static string PathOf(string runDirectory, int step) => Path.Combine(Folder(runDirectory), string.Create(CultureInfo.InvariantCulture, $"step-{step:D6}.jsonl"));

    /// <summary>Writes the lines of one step (replacing an earlier file of that step, e.g. after a resume).</summary>
    public static void Write(string runDirectory, int step, IEnumerable<CompletionsLine> lines)
    {
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            text.Append(JsonSerializer.Serialize(line, Json)).Append('\n');
        }
        AtomicFile.WriteAllText(PathOf(runDirectory, step), text.ToString());
    }

    /// <summary>The steps that have a completions file, ascending.</summary>
    public static IReadOnlyList<int> Steps(string runDirectory)
    {
        var folder = Folder(runDirectory);
        if (!Directory.Exists(folder))
        {
            return [];
        }
        return [.. Directory.EnumerateFiles(folder, "step-*.jsonl")
            .Select(f => Path.GetFileNameWithoutExtension(f)["step-".Length..])
            .Select(s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1)
            .Where(n => n >= 0)
            .Order()];
    }

    /// <summary>Reads one step's lines; a malformed line is a <see cref="G2rlException"/> naming the file and line.</summary>
    public static IReadOnlyList<CompletionsLine> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new G2rlException($"completions file not found: {path}");
        }
        var result = new List<CompletionsLine>();
        var number = 0;
        foreach (var text in File.ReadLines(path))
        {
            number++;
            if (text.Length == 0)
            {
                continue;
            }
            try
            {
                result.Add(JsonSerializer.Deserialize<CompletionsLine>(text, Json) ?? throw new JsonException("null record"));
            }
            catch (JsonException ex)
            {
                throw new G2rlException($"{path}:{number}: malformed completions line: {ex.Message}", ex);
            }
        }
        return result;
    }
}
