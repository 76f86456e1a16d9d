using G2rl.Tasks;

namespace G2rl.Tests.Tasks;

/// <summary>Reaches the library's internal solver (InternalsVisibleTo) for cross-checks.</summary>
internal static class CountdownTaskProbe
{
    public static List<long> Reachable(IReadOnlyList<int> numbers) => new CountdownSolver(numbers).ReachableValues();
}
