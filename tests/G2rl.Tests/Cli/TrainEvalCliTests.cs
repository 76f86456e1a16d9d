using System.Text.Json;
using G2rl.Tests.Support;
using G2rl.Tokenization;

namespace G2rl.Tests.Cli;

/// <summary>`g2rl train` and `g2rl eval` end to end on the tiny fixture model with a character tokenizer.</summary>
public sealed class TrainEvalCliTests : IDisposable
{
    private readonly TempDir temp = new();

    public void Dispose() => temp.Dispose();

    private (string Model, string Problems) Setup()
    {
        var model = temp.CopyOf(FixtureModels.Dir("tiny-qwen3-tied"), "model");
        new CharTokenizer("0123456789+=? ".Select(c => c.ToString())).Save(model);
        var problems = temp.Sub("problems.jsonl");
        File.WriteAllLines(problems, Enumerable.Range(0, 6).Select(i => JsonSerializer.Serialize(new { id = $"q{i}", question = $"{i}+{i}=?", answer = $"{2 * i}" })));
        return (model, problems);
    }

    [Fact]
    public void TrainRunsFromAYamlConfigAndWritesMetricsTensorBoardAndCheckpoint()
    {
        var (model, problems) = Setup();
        var run = temp.Sub("run");
        var config = temp.Sub("run.yaml");
        File.WriteAllText(config, $"""
            model: {"{"} path: "{model}" {"}"}
            data: {"{"} train: ["{problems}"], eval: ["{problems}"], template: "{"{question}"}" {"}"}
            rollout: {"{"} group_size: 3, prompts_per_step: 2, max_new_tokens: 4 {"}"}
            optim: {"{"} lr: 1.0e-3 {"}"}
            eval: {"{"} every: 2, samples: 2, limit: 3 {"}"}
            checkpoint: {"{"} every: 0 {"}"}
            run: {"{"} steps: 2, seed: 3, output_dir: "{run}" {"}"}
            """);
        var result = CliProcess.Run(["train", "--config", config, "--set", "exploration.method=g2rl"]);
        Assert.True(result.ExitCode == 0, result.Stderr + result.Stdout);
        var lines = File.ReadAllLines(Path.Combine(run, "metrics.jsonl"));
        Assert.Equal(2, lines.Length);
        using var last = JsonDocument.Parse(lines[1]);
        Assert.True(last.RootElement.TryGetProperty("eval/problems/pass@1", out _), lines[1]);
        Assert.True(last.RootElement.TryGetProperty("exploration/nu_mean", out _));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(run, "tensorboard"), "*tfevents*", SearchOption.AllDirectories));
        Assert.True(File.Exists(Path.Combine(run, "checkpoints", "step-000002", "model", "model.safetensors")));
        Assert.Contains("\"method\": \"g2rl\"", File.ReadAllText(Path.Combine(run, "config.resolved.json")));
    }

    [Fact]
    public void PrintGroupShowsAGroupTableWhileTrainingAndInspectReadsTheRun()
    {
        var (model, problems) = Setup();
        var run = temp.Sub("run");
        var config = temp.Sub("run.yaml");
        File.WriteAllText(config, $"""
            model: {"{"} path: "{model}" {"}"}
            data: {"{"} train: ["{problems}"], eval: [], template: "{"{question}"}" {"}"}
            rollout: {"{"} group_size: 3, prompts_per_step: 2, max_new_tokens: 4 {"}"}
            loss: {"{"} kl_coef: 0 {"}"}
            checkpoint: {"{"} every: 0 {"}"}
            log: {"{"} print_group: true {"}"}
            run: {"{"} steps: 2, seed: 3, output_dir: "{run}" {"}"}
            """);
        var result = CliProcess.Run(["train", "--config", config, "--set", "exploration.method=g2rl"]);
        Assert.True(result.ExitCode == 0, result.Stderr + result.Stdout);
        Assert.Contains("step 1 · group ", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("step 2 · group ", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("| sample | advantage |", result.Stdout, StringComparison.Ordinal);
        var inspect = CliProcess.Run(["inspect", run]);
        Assert.True(inspect.ExitCode == 0, inspect.Stderr);
        Assert.Contains("step 2 · group 0 ", inspect.Stdout, StringComparison.Ordinal);
        Assert.Contains("step 2 · group 1 ", inspect.Stdout, StringComparison.Ordinal);
        Assert.Equal(2 * (2 + 3), inspect.Stdout.Split('\n').Count(l => l.StartsWith('|')));
    }

    [Fact]
    public void TrainRejectsUnknownConfigKeysBeforeWorking()
    {
        var config = temp.Sub("bad.yaml");
        File.WriteAllText(config, "model:\n  path: nowhere\nrollout:\n  groupsize: 4\n");
        var result = CliProcess.Run(["train", "--config", config]);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("groupsize", result.Stderr);
    }

    [Fact]
    public void EvalWritesSamplesSummaryAndMarkdownConsistentWithEachOther()
    {
        var (model, problems) = Setup();
        var outDir = temp.Sub("eval");
        var result = CliProcess.Run(["eval", "--model", model, "--bench", problems, "--samples", "4", "--max-new-tokens", "3", "--template", "{question}", "--out", outDir, "--seed", "5"]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("pass@1 %", result.Stdout);
        Assert.Contains("maj@4 %", result.Stdout);
        var samples = File.ReadAllLines(Path.Combine(outDir, "samples.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(6 * 4, samples.Count);
        var accuracy = samples.Average(s => s.GetProperty("correct").GetBoolean() ? 1.0 : 0.0);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
        var pass1 = summary.RootElement.GetProperty("summary").GetProperty("micro").GetProperty("pass1").GetDouble();
        Assert.Equal(accuracy, pass1, 9);
        Assert.True(File.Exists(Path.Combine(outDir, "summary.md")));
    }
}
