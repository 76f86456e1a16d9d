using System.Diagnostics;

namespace G2rl.Tests.Cli;

/// <summary>Runs the built <c>g2rl</c> CLI (copied next to the test assembly) as a child process.</summary>
internal static class CliProcess
{
    /// <summary>Result of one CLI run.</summary>
    internal sealed record Result(int ExitCode, string Stdout, string Stderr);

    /// <summary>Runs <c>dotnet g2rl.dll args...</c> and waits (at most <paramref name="timeoutSeconds"/>).</summary>
    public static Result Run(IEnumerable<string> args, string? stdin = null, int timeoutSeconds = 600)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "g2rl.dll");
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(dll);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("could not start dotnet");
        var stdoutTask = p.StandardOutput.ReadToEndAsync();
        var stderrTask = p.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            p.StandardInput.Write(stdin);
            p.StandardInput.Close();
        }
        if (!p.WaitForExit(timeoutSeconds * 1000))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"g2rl {string.Join(' ', args)} did not finish in {timeoutSeconds}s");
        }
        return new Result(p.ExitCode, stdoutTask.Result, stderrTask.Result);
    }
}
