using G2rl.Training;
using Spectre.Console;

namespace G2rl.Cli;

/// <summary>
/// Training progress for people: a live Spectre.Console line (step, reward, accuracy, KL, ETA) on a terminal, plain lines
/// when output is redirected (CI, files). Messages are printed as they come in plain mode and after the live display otherwise.
/// </summary>
internal sealed class ConsoleTrainingObserver : ITrainingObserver
{
    private readonly List<string> deferred = [];
    private ProgressTask? task;

    /// <summary>True when a live display can be used.</summary>
    public static bool Interactive => !Console.IsOutputRedirected && !Console.IsErrorRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    /// <summary>Runs <paramref name="work"/> under a live progress display when interactive, else directly.</summary>
    public T Run<T>(int totalSteps, Func<T> work)
    {
        if (!Interactive)
        {
            return work();
        }
        var result = AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(ctx =>
            {
                task = ctx.AddTask("starting", maxValue: totalSteps);
                return work();
            });
        foreach (var line in deferred)
        {
            AnsiConsole.WriteLine(line);
        }
        return result;
    }

    public void OnStep(int step, int totalSteps, IReadOnlyDictionary<string, double> metrics, TimeSpan elapsed)
    {
        var line = $"step {step}/{totalSteps}  reward {Get(metrics, "reward/mean"):F3}  acc {Get(metrics, "reward/accuracy"):F3}  kl {Get(metrics, "kl"):E2}  " +
                   $"entropy {Get(metrics, "entropy"):F3}  len {Get(metrics, "response_length/mean"):F0}  {Get(metrics, "time/step"):F1}s/step";
        if (task is null)
        {
            Console.WriteLine(line);
            return;
        }
        task.Description = Markup.Escape(line);
        task.Value = step;
    }

    public void OnMessage(string message)
    {
        if (task is null)
        {
            Console.WriteLine(message);
        }
        else
        {
            deferred.Add(message);
        }
    }

    public void OnCompletions(int step, IReadOnlyList<CompletionsLine> lines)
    {
        if (lines.Count > 0)
        {
            var table = CompletionTable.FormatGroup(CompletionTable.MostInformative(lines)).TrimEnd('\n');
            if (task is null)
            {
                Console.WriteLine(table);
            }
            else
            {
                AnsiConsole.WriteLine(table); // printed above the live progress line
            }
        }
    }

        private static double Get(IReadOnlyDictionary<string, double> m, string key) => m.TryGetValue(key, out var v) ? v : double.NaN;
}
