using System.CommandLine;
using G2rl.Training;

namespace G2rl.Cli;

/// <summary><c>g2rl inspect RUN [--step N] [--group K]</c>: a step's completions (log.completions_every) as tables sorted by advantage.</summary>
internal static class InspectCommand
{
    public static Command Create()
    {
        var run = new Argument<string>("run") { Description = "Run directory (run.output_dir of g2rl train)" };
        var step = new Option<int?>("--step") { Description = "1-based step (default: the latest step with a completions file)" };
        var group = new Option<int?>("--group") { Description = "0-based group within the step (default: all groups)" };
        var command = new Command("inspect", "Print a training step's groups: each response's advantage, base and shaped reward, ν, Φ-cosine, verdict and text, sorted by advantage.")
        {
            run, step, group,
        };
        command.SetAction(parse =>
        {
            var dir = parse.GetValue(run)!;
            var steps = CompletionsFile.Steps(dir);
            if (steps.Count == 0)
            {
                throw new G2rlException($"{dir}: no completions files (expected {CompletionsFile.Folder(dir)}/step-NNNNNN.jsonl; written every log.completions_every steps)");
            }
            var chosen = parse.GetValue(step) ?? steps[^1];
            if (!steps.Contains(chosen))
            {
                throw new G2rlException($"{dir}: no completions for step {chosen}; available steps: {Available(steps)}");
            }
            var lines = CompletionsFile.Read(CompletionsFile.PathOf(dir, chosen));
            var k = parse.GetValue(group);
            if (k is int g && !lines.Any(l => l.Group == g))
            {
                throw new G2rlException($"step {chosen} has groups 0–{lines.Max(l => l.Group)}, not {g}");
            }
            Console.Write(CompletionTable.Format(lines, k));
            return 0;
        });
        return command;
    }

    private static string Available(IReadOnlyList<int> steps) =>
        steps.Count <= 12 ? string.Join(", ", steps) : $"{string.Join(", ", steps.Take(5))}, …, {string.Join(", ", steps.TakeLast(5))} ({steps.Count} in all)";
}
