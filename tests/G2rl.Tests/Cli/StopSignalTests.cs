using System.Diagnostics;
using System.Text.Json;
using G2rl.Tests.Support;

namespace G2rl.Tests.Cli;

/// <summary>SIGTERM and SIGHUP are handled like Ctrl-C: finish the step, save, exit 130 (issue 16 item 3).</summary>
public sealed class StopSignalTests : IDisposable
{
    private readonly TempDir temp = new();

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData("TERM")]
    [InlineData("HUP")]
    public async Task A_stop_signal_finishes_the_step_saves_and_exits_with_the_interrupted_code(string signal)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return;
        }
        var files = new CliFixtures(temp);
        var run = temp.Sub("run");
        var config = files.Config(run, steps: 100_000);
        File.WriteAllText(config, File.ReadAllText(config).Replace("every: 1", "every: 0", StringComparison.Ordinal));
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "g2rl.dll"), "train", "--config", config })
        {
            psi.ArgumentList.Add(a);
        }
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var metrics = Path.Combine(run, "metrics.jsonl");
        var clock = Stopwatch.StartNew();
        while (!(File.Exists(metrics) && File.ReadAllLines(metrics).Length >= 1) && clock.Elapsed < TimeSpan.FromSeconds(120) && !process.HasExited)
        {
            await Task.Delay(50);
        }
        if (process.HasExited)
        {
            Assert.Fail($"the run ended before the signal: {await stderr}");
        }
        var killInfo = new ProcessStartInfo("kill") { RedirectStandardError = true, UseShellExecute = false };
        killInfo.ArgumentList.Add("-" + signal);
        killInfo.ArgumentList.Add(process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using (var kill = Process.Start(killInfo)!)
        {
            var killError = await kill.StandardError.ReadToEndAsync();
            await kill.WaitForExitAsync();
            Assert.True(kill.ExitCode == 0, $"kill -{signal} {process.Id}: {killError}");
        }
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"did not stop within 60 s of the signal: {await stderr}");
        }
        Assert.True(process.ExitCode == 130, $"exit {process.ExitCode}: {await stderr}");
        var steps = File.ReadAllLines(metrics).Length;
        var latest = Directory.GetDirectories(Path.Combine(run, "checkpoints"), "step-*").Order(StringComparer.Ordinal).Last();
        using var state = JsonDocument.Parse(File.ReadAllText(Path.Combine(latest, "trainer_state.json")));
        Assert.Equal(steps, state.RootElement.GetProperty("step").GetInt32());
        Assert.Contains("latest checkpoint", await stdout);
    }
}
