using System.Diagnostics.CodeAnalysis;

namespace G2rl.Tasks;

/// <summary>The built-in synthetic tasks by name.</summary>
public static class TaskRegistry
{
    /// <summary>Registered names, in registration order.</summary>
    public static IReadOnlyList<string> Names { get; } = [CountdownTask.TaskName, ArithmeticTask.TaskName];

    /// <summary>A new instance of the task named <paramref name="name"/> (case-insensitive, surrounding spaces ignored).</summary>
    public static bool TryGet(string? name, [NotNullWhen(true)] out ISyntheticTask? task)
    {
        task = name?.Trim().ToLowerInvariant() switch
        {
            CountdownTask.TaskName => new CountdownTask(),
            ArithmeticTask.TaskName => new ArithmeticTask(),
            _ => null,
        };
        return task is not null;
    }

    /// <summary>Like <see cref="TryGet"/>, but an unknown name throws a <see cref="G2rlException"/> listing the known ones.</summary>
    public static ISyntheticTask Get(string name) =>
        TryGet(name, out var task)
            ? task
            : throw new G2rlException($"unknown task '{name}'; known: {string.Join(", ", Names)}");
}
