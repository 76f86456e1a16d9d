using System.CommandLine;
using G2rl.Study;

namespace G2rl.Cli;

/// <summary><c>g2rl study --config study.yaml</c>: the demo's machinery for any base checkpoint and data — methods × seeds, held-out evaluation, the seed-aware report; resumable per run.</summary>
internal static class StudyCommand
{
    public static Command Create()
    {
        var config = new Option<string>("--config") { Description = "Study config (.yaml, .json or .toml); see examples/paper-study.yaml", Required = true };
        var set = new Option<string[]>("--set") { Description = "Override a key: --set seeds=5, --set train.run.steps=10 (repeatable)", AllowMultipleArgumentsPerToken = false };
        var command = new Command("study", "Compare methods over several RL seeds from one base checkpoint and write the seed-aware report (finished runs are reused).")
        {
            config, set,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(config)!;
            var study = StudyConfigLoader.Load(path, parse.GetValue(set) ?? []);
            var plan = StudyConfigLoader.Plan(study, $"g2rl study --config {path}");
            using var cts = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) =>
            {
                e.Cancel = !cts.IsCancellationRequested;
                cts.Cancel();
            };
            var results = new StudyRunner(plan, new ConsoleDemoObserver()).Run(cts.Token);
            var report = StudyReport.Write(results);
            var summaries = StudyReport.Summaries(results);
            Console.WriteLine();
            Console.WriteLine(StudyReport.MainTable(summaries, plan.Control));
            Console.WriteLine(StudyReport.Verdict(results, summaries));
            Console.WriteLine($"report: {report} ({results.TotalSeconds / 60:F1} min)");
            return 0;
        });
        return command;
    }
}
