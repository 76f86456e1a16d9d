using System.Globalization;

namespace G2rl.Bench;

/// <summary>
/// The command line: a benchmark name followed by <c>--key value</c> / <c>--key=value</c> options. Plain strings
/// only (no TorchSharp types), so it can be parsed before libtorch is loaded.
/// </summary>
internal sealed class BenchArguments
{
    private readonly Dictionary<string, string> options;
    private readonly HashSet<string> used = new(StringComparer.Ordinal);

    private BenchArguments(string benchmark, Dictionary<string, string> options)
    {
        Benchmark = benchmark;
        this.options = options;
    }

    /// <summary>The benchmark to run ("sampler", "prefill"), or "help".</summary>
    public string Benchmark { get; }

    /// <summary>Parses <paramref name="args"/>; throws <see cref="G2rlException"/> on malformed input.</summary>
    public static BenchArguments Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || args[0] is "-h" or "--help" or "help")
        {
            return new BenchArguments("help", new Dictionary<string, string>(StringComparer.Ordinal));
        }
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Count; i++)
        {
            var a = args[i];
            if (!a.StartsWith("--", StringComparison.Ordinal) || a.Length == 2)
            {
                throw new G2rlException($"unexpected argument '{a}': options are --key value or --key=value");
            }
            var eq = a.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                map[a[2..eq]] = a[(eq + 1)..];
            }
            else if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                map[a[2..]] = args[++i];
            }
            else
            {
                map[a[2..]] = "true";
            }
        }
        return new BenchArguments(args[0], map);
    }

    /// <summary>The raw value of option <paramref name="key"/>, or <paramref name="fallback"/>.</summary>
    public string String(string key, string fallback) => Raw(key) ?? fallback;

    /// <summary>An integer option.</summary>
    public int Int(string key, int fallback) => Raw(key) is { } s ? ParseInt(key, s) : fallback;

    /// <summary>A floating-point option.</summary>
    public double Double(string key, double fallback)
    {
        if (Raw(key) is not { } s)
        {
            return fallback;
        }
        return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new G2rlException($"--{key}: '{s}' is not a number");
    }

    /// <summary>A comma-separated integer list option.</summary>
    public IReadOnlyList<int> Ints(string key, IReadOnlyList<int> fallback) =>
        Raw(key) is { } s ? [.. s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(x => ParseInt(key, x))] : fallback;

    /// <summary>A comma-separated string list option.</summary>
    public IReadOnlyList<string> Strings(string key, IReadOnlyList<string> fallback) =>
        Raw(key) is { } s ? s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : fallback;

    /// <summary>Throws when an option was given that no benchmark read (a typo would otherwise be silently ignored).</summary>
    public void RejectUnused()
    {
        var unknown = options.Keys.Where(k => !used.Contains(k)).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new G2rlException($"unknown option(s) for '{Benchmark}': {string.Join(", ", unknown.Select(k => "--" + k))}");
        }
    }

    private string? Raw(string key)
    {
        used.Add(key);
        return options.TryGetValue(key, out var v) ? v : null;
    }

    private static int ParseInt(string key, string s) =>
        int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new G2rlException($"--{key}: '{s}' is not an integer");
}
