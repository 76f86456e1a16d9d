using System.IO.Compression;
using System.Text;

namespace G2rl.Data;

/// <summary>
/// Problems read from a JSON Lines file (plain or gzip, detected by the gzip magic bytes), one object per line.
/// </summary>
/// <remarks>
/// Accepted fields per line (see <c>docs/data.md</c>): <c>question</c> or <c>problem</c> (string, required);
/// <c>answer</c> (string or number, required, non-empty; numbers keep their JSON spelling, e.g. <c>27.0</c>);
/// <c>kind</c> (<c>"math"</c> | <c>"choice"</c>; default choice when <c>choices</c> is present, else math);
/// <c>choices</c> (array of strings); <c>id</c> (string or integer; default the 0-based record index);
/// <c>subject</c> (string); <c>level</c> (integer). Other fields are ignored. Blank lines are skipped.
/// Errors throw <see cref="G2rlException"/> naming the file and 1-based line.
/// </remarks>
public sealed class JsonlProblemSet : IProblemSource
{
    private JsonlProblemSet(string name, string path, IReadOnlyList<Problem> problems)
    {
        Name = name;
        Path = path;
        Problems = problems;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>The file the problems were read from.</summary>
    public string Path { get; }

    /// <inheritdoc />
    public IReadOnlyList<Problem> Problems { get; }

    /// <summary>
    /// Reads <paramref name="path"/>. <paramref name="name"/> becomes every problem's <see cref="Problem.Source"/>;
    /// by default the file name without <c>.gz</c> and <c>.jsonl</c>/<c>.json</c>.
    /// </summary>
    public static JsonlProblemSet Load(string path, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new G2rlException($"problem file not found: {path}");
        }

        name ??= StemOf(path);
        using var stream = OpenMaybeGzip(path);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Read(reader, path, name);
    }

    /// <summary>Reads JSON Lines from <paramref name="reader"/>; <paramref name="path"/> is used only in messages.</summary>
    public static JsonlProblemSet Read(TextReader reader, string path, string name)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var problems = new List<Problem>();
        var firstLineOfId = new Dictionary<string, int>(StringComparer.Ordinal);
        var lineNumber = 0;
        string? line;
        try
        {
            while ((line = reader.ReadLine()) is not null)
            {
                lineNumber++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                var problem = ProblemJsonParser.Parse(line, problems.Count, name, $"{path}:{lineNumber}");
                if (!firstLineOfId.TryAdd(problem.Id, lineNumber))
                {
                    throw new G2rlException(
                        $"{path}:{lineNumber}: duplicate id '{problem.Id}' (first on line {firstLineOfId[problem.Id]})");
                }

                problems.Add(problem);
            }
        }
        catch (InvalidDataException e)
        {
            throw new G2rlException($"{path}: corrupt gzip data after line {lineNumber}: {e.Message}", e);
        }

        if (problems.Count == 0)
        {
            throw new G2rlException($"{path}: no problems (the file is empty)");
        }

        return new JsonlProblemSet(name, path, problems);
    }

    private static Stream OpenMaybeGzip(string path)
    {
        var file = File.OpenRead(path);
        Span<byte> magic = stackalloc byte[2];
        var read = file.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        file.Position = 0;
        return read == 2 && magic[0] == 0x1f && magic[1] == 0x8b
            ? new GZipStream(file, CompressionMode.Decompress)
            : file;
    }

    private static string StemOf(string path)
    {
        var name = System.IO.Path.GetFileName(path);
        foreach (var suffix in new[] { ".gz", ".jsonl", ".json" })
        {
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                name = name[..^suffix.Length];
            }
        }

        return name;
    }
}
