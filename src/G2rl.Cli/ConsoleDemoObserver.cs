using System.Globalization;
using G2rl.Study;

namespace G2rl.Cli;

/// <summary>Demo progress: one line per message and every few RL steps (a rewriting status line on a terminal).</summary>
internal sealed class ConsoleDemoObserver : IStudyObserver
{
    private readonly bool interactive = ConsoleTrainingObserver.Interactive;

    public void OnMessage(string message)
    {
        if (interactive)
        {
            Console.Write("\r\u001b[K");
        }
        Console.WriteLine(message);
    }

    public void OnRunStep(string method, int seed, int step, int steps, IReadOnlyDictionary<string, double> metrics)
    {
        var line = string.Create(CultureInfo.InvariantCulture,
            $"[{method} seed {seed}] step {step}/{steps}  train acc {metrics["reward/accuracy"]:F3}  reward {metrics["reward/mean"]:F3}  entropy {metrics["entropy"]:F3}  {metrics["time/step"]:F2}s/step");
        if (interactive)
        {
            Console.Write("\r\u001b[K" + line);
        }
        else if (step % 10 == 0 || step == steps)
        {
            Console.WriteLine(line);
        }
    }
}
