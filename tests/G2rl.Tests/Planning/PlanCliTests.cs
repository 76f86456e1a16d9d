using System.Globalization;
using System.Text.Json;
using G2rl.Tests.Cli;
using G2rl.Tests.Support;
using G2rl.Tokenization;

namespace G2rl.Tests.Planning;

/// <summary>`g2rl plan` prints the plan before any weights exist; `g2rl train` refuses a plan that does not fit and records resolved values.</summary>
public sealed class PlanCliTests : IDisposable
{
    private readonly TempDir temp = new();

    public void Dispose() => temp.Dispose();

    private string Config(string model, string run, string extra = "")
    {
        var problems = temp.Sub("problems.jsonl");
        File.WriteAllLines(problems, Enumerable.Range(0, 4).Select(i => JsonSerializer.Serialize(new { id = $"q{i}", question = $"{i}+{i}=?", answer = $"{2 * i}" })));
        var config = temp.Sub("run.yaml");
        File.WriteAllText(config, $"""
            model: {"{"} path: "{model}" {"}"}
            data: {"{"} train: ["{problems}"], eval: [], template: "{"{question}"}" {"}"}
            rollout: {"{"} group_size: 2, prompts_per_step: 2, max_new_tokens: 3 {"}"}
            run: {"{"} steps: 1, seed: 3, output_dir: "{run}" {"}"}
            {extra}
            """);
        return config;
    }

    [Fact]
    public void PlanNeedsOnlyConfigJsonAndPrintsEveryPhase()
    {
        var model = temp.Sub("config-only");
        Directory.CreateDirectory(model);
        File.Copy(Path.Combine(FixtureModels.Dir("published-configs"), "Qwen3-1.7B-Base", "config.json"), Path.Combine(model, "config.json"));
        var config = Config(model, temp.Sub("run"), "batch: { gradient_checkpointing: true }");
        var result = CliProcess.Run(["plan", "--config", config, "--device-memory-gb", "141", "--prompt-tokens", "256", "--set", "rollout.max_new_tokens=8192", "--set", "rollout.group_size=16", "--set", "rollout.prompts_per_step=16", "--set", "model.dtype=bfloat16"]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        using var doc = JsonDocument.Parse(result.Stdout);
        var root = doc.RootElement;
        Assert.Equal(1_720_574_976L * 20, root.GetProperty("persistent").GetProperty("total").GetInt64());
        Assert.Equal(114_688L, root.GetProperty("rollout").GetProperty("kv_bytes_per_token").GetInt64());
        var slots = root.GetProperty("max_num_seqs").GetInt32();
        Assert.Equal(slots * (256L + 8192) * 114_688, root.GetProperty("rollout").GetProperty("kv_cache").GetInt64());
        Assert.True(root.GetProperty("fits").GetBoolean());
        Assert.True(root.GetProperty("update").GetProperty("activations_with_checkpointing").GetInt64() < root.GetProperty("update").GetProperty("activations_without_checkpointing").GetInt64());
        var peak = root.GetProperty("peak").GetInt64();
        Assert.Equal(root.GetProperty("persistent").GetProperty("total").GetInt64() + Math.Max(root.GetProperty("rollout").GetProperty("total").GetInt64(), root.GetProperty("update").GetProperty("total").GetInt64()), peak);
        Assert.True(peak <= root.GetProperty("budget").GetInt64());
    }

    [Fact]
    public void TrainRefusesANonFittingPlanNamingTheKeyAndRecordsResolvedValues()
    {
        var model = temp.CopyOf(FixtureModels.Dir("tiny-qwen3-tied"), "model");
        new CharTokenizer("0123456789+=? ".Select(c => c.ToString())).Save(model);
        var run = temp.Sub("run");
        var config = Config(model, run);
        // The plan at one-row micro-batches (8 tokens): a budget just above it cannot hold a micro-batch of 28 tokens.
        var plan = CliProcess.Run(["plan", "--config", config, "--device-memory-gb", "1000", "--set", "batch.max_tokens_per_micro_batch=8"]);
        Assert.True(plan.ExitCode == 0, plan.Stderr);
        using var doc = JsonDocument.Parse(plan.Stdout);
        var oneRowPeak = doc.RootElement.GetProperty("peak").GetInt64();
        Assert.Equal("longest data.train prompt (tokenized)", doc.RootElement.GetProperty("assumptions").GetProperty("prompt_tokens_source").GetString());
        Assert.Equal(5, doc.RootElement.GetProperty("assumptions").GetProperty("prompt_tokens").GetInt32()); // "3+3=?", one token per character
        var gb = ((oneRowPeak + 1000) * 20.0 / 19 / 1e9).ToString("R", CultureInfo.InvariantCulture);
        var refused = CliProcess.Run(["train", "--config", config, "--device-memory-gb", gb, "--set", "batch.max_tokens_per_micro_batch=28"]);
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("set batch.max_tokens_per_micro_batch to at most", refused.Stderr);
        Assert.DoesNotContain("   at ", refused.Stderr);
        Assert.False(File.Exists(Path.Combine(run, "config.resolved.json")));

        var trained = CliProcess.Run(["train", "--config", config, "--device-memory-gb", "1000"]);
        Assert.True(trained.ExitCode == 0, trained.Stderr);
        using var resolved = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "config.resolved.json")));
        Assert.Equal(4, resolved.RootElement.GetProperty("rollout").GetProperty("max_num_seqs").GetInt32());
        Assert.Equal(4 * (5 + 3), resolved.RootElement.GetProperty("batch").GetProperty("max_tokens_per_micro_batch").GetInt32());
    }
}
