using G2rl.Data;

namespace G2rl.Training;

/// <summary>Resolves the dataset entries of a config (benchmark names or .jsonl(.gz) paths) to problems.</summary>
public static class ProblemSources
{
    /// <summary>Loads one entry: a known benchmark name, else a file path; an unknown name that is not a file is an error listing the names.</summary>
    public static IReadOnlyList<Problem> Load(string entry)
    {
        if (Benchmarks.TryGet(entry, out _))
        {
            return Benchmarks.Load(entry).Problems;
        }
        if (File.Exists(entry))
        {
            return JsonlProblemSet.Load(entry).Problems;
        }
        throw new G2rlException($"dataset '{entry}' is neither a benchmark ({string.Join(", ", Benchmarks.Names)}) nor an existing .jsonl file");
    }

    /// <summary>All problems of the entries, in order; an empty result is an error.</summary>
    public static IReadOnlyList<Problem> LoadAll(IEnumerable<string> entries, string what)
    {
        var all = entries.SelectMany(Load).ToList();
        return all.Count > 0 ? all : throw new G2rlException($"{what}: no problems");
    }

    /// <summary>A short name for an entry: the benchmark name, or the file name without extensions.</summary>
    public static string DisplayName(string entry) => Benchmarks.TryGet(entry, out var info) ? info.Name : Path.GetFileName(entry).Split('.')[0];
}
