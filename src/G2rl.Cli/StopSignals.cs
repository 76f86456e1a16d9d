using System.Runtime.InteropServices;

namespace G2rl.Cli;

/// <summary>
/// SIGTERM and SIGHUP (preemption by SLURM or Kubernetes, <c>timeout</c>, a closed terminal) handled like Ctrl-C: the first
/// one cancels <c>train</c> gracefully (finish the step, save, exit <see cref="ExitCodes.Interrupted"/>); a second one
/// is left to the default action and ends the process.
/// </summary>
internal sealed class StopSignals : IDisposable
{
    private readonly List<PosixSignalRegistration> registrations = [];

    private StopSignals(CancellationTokenSource cancel)
    {
        foreach (var signal in new[] { PosixSignal.SIGTERM, PosixSignal.SIGHUP })
        {
            registrations.Add(PosixSignalRegistration.Create(signal, context =>
            {
                if (!cancel.IsCancellationRequested)
                {
                    context.Cancel = true;
                    cancel.Cancel();
                    Console.Error.WriteLine($"{context.Signal}: finishing the current step, then saving");
                }
            }));
        }
    }

    /// <summary>Registers the handlers until disposed.</summary>
    public static StopSignals Register(CancellationTokenSource cancel) => new(cancel);

    public void Dispose()
    {
        foreach (var r in registrations)
        {
            r.Dispose();
        }
    }
}
