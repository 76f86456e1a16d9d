using System.CommandLine;
using G2rl.Demo;
using G2rl.Study;

namespace G2rl.Cli;

/// <summary><c>g2rl demo</c>: train a small policy from scratch, compare GRPO / entropy / EVOL / G2RL on the same budget, write a report.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var quick = new Option<bool>("--quick") { Description = "Smoke-test profile: 1 seed, 12 steps, smaller splits (~3 min on 2 cores)" };
        var methods = new Option<string?>("--methods") { Description = "Comma-separated subset of grpo,entropy,evol,g2rl" };
        var seeds = new Option<int?>("--seeds") { Description = "RL seeds per method" };
        var steps = new Option<int?>("--steps") { Description = "RL steps per run" };
        var outDir = new Option<string?>("--out") { Description = "Report folder (default demo-report; demo-report-quick with --quick, demo-report-ablation with --ablation)" };
        var device = new Option<string>("--device") { Description = "cpu or cuda", DefaultValueFactory = _ => "cpu" };
        var task = new Option<string>("--task") { Description = "Synthetic task: arithmetic (multi-step with a boxed answer; default, chosen by its gradient geometry, docs/demo.md) or countdown (several solutions per problem)", DefaultValueFactory = _ => "arithmetic" };
        var sftSteps = new Option<int?>("--sft-steps") { Description = "Supervised warm-start steps of the base policy (default 1000, --quick 300)" };
        var ablation = new Option<bool>("--ablation") { Description = "The ablation preset: eq. 12 printed vs prose × λ ∈ {0.25, 0.5, 1}, λ chosen on a validation split (7 arms × seeds; well beyond the 15-minute default)" };
        var threads = new Option<int>("--threads") { Description = "CPU threads for libtorch (0 = its default)", DefaultValueFactory = _ => 0 };
        var command = new Command("demo", "The built-in demo: offline, from scratch, GRPO vs entropy bonus vs EVOL-RL novelty vs G2RL, with a report.")
        {
            quick, methods, seeds, steps, outDir, device, task, threads, sftSteps, ablation,
        };
        command.SetAction(parse =>
        {
            var profile = parse.GetValue(quick) ? DemoOptions.QuickProfile : new DemoOptions();
            var options = (profile with
            {
                Methods = parse.GetValue(methods) is { } m ? m.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : profile.Methods,
                Seeds = parse.GetValue(seeds) ?? profile.Seeds,
                Steps = parse.GetValue(steps) ?? profile.Steps,
                SftSteps = parse.GetValue(sftSteps) ?? profile.SftSteps,
                Ablation = parse.GetValue(ablation),
                OutputDirectory = parse.GetValue(outDir) ?? (parse.GetValue(ablation) ? "demo-report-ablation" : profile.Quick ? "demo-report-quick" : "demo-report"),
                Device = parse.GetValue(device)!,
                Threads = parse.GetValue(threads),
                Task = parse.GetValue(task)!,
            }).Validate();
            using var cts = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) =>
            {
                e.Cancel = !cts.IsCancellationRequested;
                cts.Cancel();
            };
            var observer = new ConsoleDemoObserver();
            var results = new DemoRunner(options, observer).Run(cts.Token);
            var report = StudyReport.Write(results);
            var summaries = StudyReport.Summaries(results);
            Console.WriteLine();
            Console.WriteLine(StudyReport.MainTable(summaries));
            Console.WriteLine(StudyReport.Verdict(results, summaries));
            Console.WriteLine($"report: {report} ({results.TotalSeconds / 60:F1} min)");
            return 0;
        });
        return command;
    }
}
