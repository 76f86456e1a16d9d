using System.Diagnostics;

namespace G2rl.Bench;

/// <summary>Progress lines on stderr (stdout carries the results), stamped with the time since start.</summary>
internal static class Progress
{
    private static readonly Stopwatch Clock = Stopwatch.StartNew();

    public static void Log(string message) =>
        Console.Error.WriteLine($"[{Clock.Elapsed.TotalSeconds,7:0.0}s] {message}");
}
