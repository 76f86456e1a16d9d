using System.CommandLine;
using System.Text.Json;
using G2rl.Planning;
using G2rl.Training.Config;

namespace G2rl.Cli;

/// <summary><c>g2rl plan</c>: the memory plan of a training config (config.json of the model only, no weights), as JSON.</summary>
internal static class PlanCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Create()
    {
        var config = new Option<string>("--config") { Description = "Run config (.json, .yaml or .toml), as for train", Required = true };
        var set = new Option<string[]>("--set") { Description = "Override a key: --set rollout.max_new_tokens=12288 (repeatable)", AllowMultipleArgumentsPerToken = false };
        var memory = new Option<double?>("--device-memory-gb") { Description = "Device memory in GB (10^9 B); default: cudaMemGetInfo's total on CUDA, MemAvailable of /proc/meminfo on CPU" };
        var prompt = new Option<int?>("--prompt-tokens") { Description = "Longest prompt in tokens; default: data.max_prompt_tokens, else the longest training prompt (needs the tokenizer)" };
        var command = new Command("plan", "Print the memory plan (bytes per phase, peak, fits, largest max_num_seqs / max_tokens_per_micro_batch) as JSON; see docs/memory-plan.md.")
        {
            config, set, memory, prompt,
        };
        command.SetAction(parse =>
        {
            var cfg = ConfigLoader.Load(parse.GetValue(config)!, parse.GetValue(set) ?? []);
            var (plan, source) = TrainPlan.Make(cfg, parse.GetValue(memory), parse.GetValue(prompt));
            Console.Out.WriteLine(PlanJson.Of(plan, source).ToJsonString(Indented));
            return 0;
        });
        return command;
    }
}
