using System.Collections.Concurrent;
using G2rl.Data;

namespace G2rl.Tests.Data;

/// <summary>Loads each vendored benchmark once per test run.</summary>
internal static class VendoredData
{
    private static readonly ConcurrentDictionary<string, Lazy<JsonlProblemSet>> Cache = new();

    public static IReadOnlyList<Problem> Get(string name) =>
        Cache.GetOrAdd(name, n => new Lazy<JsonlProblemSet>(() => Benchmarks.Load(n))).Value.Problems;
}
