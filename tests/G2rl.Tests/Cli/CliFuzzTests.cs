using System.Diagnostics;
using G2rl.Tests.Support;

namespace G2rl.Tests.Cli;

/// <summary>
/// Seeded fuzzing of the CLI in process (issue 16): random mutations of the fixture model folder, of configs (YAML, TOML,
/// JSON) and of token-id files. Every case is built to fail (the run directory is not empty, the id files are invalid), so
/// each must end with exit 1 or 2, one "error: ..." line, no unhandled exception, within a generous time bound.
/// </summary>
[Collection(InProcessCliCollection.Name)]
public sealed class CliFuzzTests : IDisposable
{
    /// <summary>Fixed for CI; G2RL_FUZZ_SEED=N reruns the same cases with another seed.</summary>
    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("G2RL_FUZZ_SEED"), out var s) ? s : 16;
    private static readonly TimeSpan CaseBound = TimeSpan.FromSeconds(20);
    private readonly TempDir temp = new();
    private readonly CliFixtures files;
    private readonly string usedRun;

    public CliFuzzTests()
    {
        files = new CliFixtures(temp);
        usedRun = temp.Sub("used-run");
        temp.Write("used-run/metrics.jsonl", "{\"step\": 1}\n");
    }

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Random_mutations_of_model_folders_configs_and_token_id_files_end_in_one_line_errors()
    {
        var random = new Random(Seed);
        var failures = new List<string>();
        var cases = 0;
        for (var i = 0; i < 250; i++, cases++)
        {
            Check(failures, $"model #{i}", MutatedModelCase(random, i));
        }
        for (var i = 0; i < 200; i++, cases++)
        {
            Check(failures, $"config #{i}", MutatedConfigCase(random, i));
        }
        for (var i = 0; i < 150; i++, cases++)
        {
            Check(failures, $"ids #{i}", InvalidIdsCase(random, i));
        }
        Assert.True(cases >= 500);
        Assert.True(failures.Count == 0, $"{failures.Count} of {cases} cases (seed {Seed}) misbehaved:\n" + string.Join("\n", failures.Take(15)));
    }

    private (string What, string[] Args) MutatedModelCase(Random random, int i)
    {
        var model = temp.CopyOf(files.Model, $"model-{i}");
        var file = new[] { "config.json", "tokenizer.json", "tokenizer_config.json", "model.safetensors", "model.safetensors" }[random.Next(5)];
        var path = Path.Combine(model, file);
        string what;
        switch (random.Next(10))
        {
            case 0:
                File.Delete(path);
                Directory.CreateDirectory(path);
                what = $"{file} is a directory";
                break;
            case 1:
                File.WriteAllText(path, "");
                what = $"{file} empty";
                break;
            default:
                if (file.EndsWith(".safetensors", StringComparison.Ordinal))
                {
                    var (bytes, how) = CliFuzzMutations.Safetensors(File.ReadAllBytes(path), random);
                    File.WriteAllBytes(path, bytes);
                    what = $"{file}: {how}";
                }
                else
                {
                    var (text, how) = CliFuzzMutations.Text(File.ReadAllText(path), random);
                    File.WriteAllText(path, text);
                    what = $"{file}: {how}";
                }
                break;
        }
        var config = temp.Write($"model-{i}.yaml", File.ReadAllText(BaseConfig()).Replace(files.Model, model, StringComparison.Ordinal));
        return (what, ["train", "--config", config]);
    }

    private (string What, string[] Args) MutatedConfigCase(Random random, int i)
    {
        var ext = new[] { ".yaml", ".toml", ".json" }[random.Next(3)];
        var baseText = ext switch
        {
            ".yaml" => File.ReadAllText(BaseConfig()),
            ".toml" => $"[model]\npath = \"{files.Model}\"\n[data]\ntrain = [\"{files.Problems}\"]\neval = []\ntemplate = \"{{question}}\"\n[rollout]\ngroup_size = 2\nprompts_per_step = 2\nmax_new_tokens = 3\n[loss]\nkl_coef = 0.0\n[run]\nsteps = 1\nseed = 3\n",
            _ => $"{{\"model\": {{\"path\": \"{files.Model}\"}}, \"data\": {{\"train\": [\"{files.Problems}\"], \"eval\": [], \"template\": \"{{question}}\"}}, \"rollout\": {{\"group_size\": 2, \"prompts_per_step\": 2, \"max_new_tokens\": 3}}, \"loss\": {{\"kl_coef\": 0.0}}, \"run\": {{\"steps\": 1, \"seed\": 3}}}}",
        };
        var (text, how) = CliFuzzMutations.Text(baseText, random);
        var config = temp.Write($"config-{i}{ext}", text);
        // The run directory comes from --set and is not empty: a config that survives the mutation still fails (exit 1).
        return ($"{ext}: {how}", ["train", "--config", config, "--set", $"run.output_dir={usedRun}", "--set", "run.steps=1"]);
    }

    private (string What, string[] Args) InvalidIdsCase(Random random, int i)
    {
        var (json, how) = CliFuzzMutations.InvalidIds(random);
        var input = temp.Write($"ids-{i}.json", json);
        return random.Next(2) == 0
            ? ($"score: {how}", ["score", "--model", files.Model, "--input", input])
            : ($"generate: {how}", ["generate", "--model", files.Model, "--input", input, "--max-new-tokens", "1"]);
    }

    private string BaseConfig() => files.Config(usedRun, steps: 1, extra: "loss: { kl_coef: 0.0 }", name: "base.yaml");

    private static void Check(List<string> failures, string name, (string What, string[] Args) testCase)
    {
        var clock = Stopwatch.StartNew();
        CliProcess.Result result;
        try
        {
            result = InProcessCli.Run(testCase.Args);
        }
        catch (Exception ex)
        {
            failures.Add($"{name} ({testCase.What}): unhandled {ex.GetType().Name}: {ex.Message.Split('\n')[0]}");
            return;
        }
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var problem = result.ExitCode switch
        {
            1 when lines.Length != 1 || !lines[0].StartsWith("error: ", StringComparison.Ordinal) => $"exit 1 with {lines.Length} stderr lines",
            2 when lines.Length == 0 || lines.Any(l => !l.StartsWith("error: ", StringComparison.Ordinal)) => "exit 2 without error lines",
            1 or 2 => null,
            _ => $"exit {result.ExitCode}",
        };
        if (clock.Elapsed > CaseBound)
        {
            problem = $"took {clock.Elapsed.TotalSeconds:F1} s";
        }
        if (problem is not null)
        {
            failures.Add($"{name} ({testCase.What}): {problem}: {result.Stderr.Split('\n')[0]}");
        }
    }
}
