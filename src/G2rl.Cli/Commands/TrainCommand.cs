using System.CommandLine;
using G2rl.Exploration;
using G2rl.Training;
using G2rl.Training.Config;

namespace G2rl.Cli;

/// <summary><c>g2rl train</c>: GRPO (optionally with G2RL or a baseline exploration method) from a config file.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var config = new Option<string>("--config") { Description = "Run config (.json, .yaml or .toml); see docs/training.md", Required = true };
        var set = new Option<string[]>("--set") { Description = "Override a key: --set rollout.temperature=0.8 (repeatable)", AllowMultipleArgumentsPerToken = false };
        var resume = new Option<string?>("--resume") { Description = "Continue a run from its directory (latest checkpoint) or a checkpoint folder" };
        var memory = new Option<double?>("--device-memory-gb") { Description = "Device memory in GB for the memory plan (default: queried; see g2rl plan)" };
        var overwrite = new Option<bool>("--overwrite") { Description = "Replace the run in a non-empty run.output_dir (without it, or --resume, a non-empty directory is refused)" };
        var command = new Command("train", "Train a policy with GRPO and verifiable rewards.") { config, set, resume, memory, overwrite };
        command.SetAction(parse =>
        {
            // The memory plan runs before any weights are loaded: refuse a config that does not fit, resolve `auto`.
            var loaded = ConfigLoader.Load(parse.GetValue(config)!, parse.GetValue(set) ?? []);
            PreflightChecks.BeforeLoading(loaded);
            var (cfg, plan) = G2rl.Planning.TrainPlan.Apply(loaded, parse.GetValue(memory));
            Console.WriteLine(G2rl.Planning.TrainPlan.Summary(plan)); // informational: stdout, so stderr holds only errors
            using var context = TrainingSetup.Build(cfg, ExplorationFactory.Create);
            using var cts = new CancellationTokenSource();
            ConsoleCancelEventHandler onCancel = (_, e) =>
            {
                if (!cts.IsCancellationRequested)
                {
                    e.Cancel = true;
                    cts.Cancel();
                    Console.Error.WriteLine("interrupt: finishing the current step, then saving (press Ctrl-C again to abort)");
                }
            };
            Console.CancelKeyPress += onCancel;
            using var signals = StopSignals.Register(cts);
            try
            {
                var observer = new ConsoleTrainingObserver();
                observer.OnMessage($"run directory: {cfg.Run.OutputDir}; {context.TrainProblems.Count} training problems; exploration: {context.Exploration.Name}");
                var outcome = observer.Run(cfg.Run.Steps, () => new TrainingRun(cfg, context, observer).Execute(cts.Token, parse.GetValue(resume), parse.GetValue(overwrite)));
                Console.WriteLine($"latest checkpoint: {outcome.LatestCheckpoint ?? "(none)"}");
                return outcome.Stop switch
                {
                    TrainingStop.TooManyBadSteps => ExitCodes.TooManyBadSteps,
                    TrainingStop.Cancelled => ExitCodes.Interrupted,
                    _ => ExitCodes.Ok,
                };
            }
            finally
            {
                Console.CancelKeyPress -= onCancel;
            }
        });
        return command;
    }
}
