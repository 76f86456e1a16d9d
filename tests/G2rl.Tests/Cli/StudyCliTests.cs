using System.Text.Json;
using System.Text.Json.Nodes;
using G2rl.Tests.Support;
using G2rl.Tokenization;

namespace G2rl.Tests.Cli;

/// <summary>`g2rl study` end to end on the tiny fixture model: a report with the seed-aware table, and a rerun that reuses every finished run.</summary>
public sealed class StudyCliTests : IDisposable
{
    private readonly TempDir temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void A_study_writes_the_report_and_a_rerun_reuses_its_runs()
    {
        var model = temp.CopyOf(FixtureModels.Dir("tiny-qwen3-tied"), "model");
        new CharTokenizer("0123456789+=? ".Select(c => c.ToString())).Save(model);
        var problems = temp.Sub("problems.jsonl");
        File.WriteAllLines(problems, Enumerable.Range(0, 6).Select(i => JsonSerializer.Serialize(new { id = $"q{i}", question = $"{i}+{i}=?", answer = $"{2 * i}" })));
        var output = temp.Sub("study");
        var config = temp.Write("study.yaml", $$"""
            train:
              model: { path: "{{model}}" }
              data: { train: ["{{problems}}"], eval: [], template: "{question}" }
              rollout: { group_size: 2, prompts_per_step: 2, max_new_tokens: 4 }
              checkpoint: { every: 0 }
              run: { steps: 1, seed: 3 }
            held_out: ["{{problems}}"]
            seeds: 2
            methods:
              - { name: grpo, exploration: { method: none } }
              - { name: g2rl, exploration: { method: g2rl, lambda: 0.25 } }
            eval: { samples: 2, max_new_tokens: 4, geometry_problems: 2, geometry_samples: 2, embedding: false }
            output: "{{output}}"
            """);
        var first = CliProcess.Run(["study", "--config", config]);
        Assert.True(first.ExitCode == 0, first.Stderr + first.Stdout);
        var report = File.ReadAllText(Path.Combine(output, "report.md"));
        Assert.Contains("seed mean ± SD", report, StringComparison.Ordinal);
        Assert.Contains("**Verdict:**", report, StringComparison.Ordinal);
        Assert.Contains("Φ mean pairwise cosine", report, StringComparison.Ordinal);
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "results.json")))!;
        Assert.Equal(4, json["runs"]!.AsArray().Count);
        Assert.Equal(6, (int)json["study"]!["held_out"]!["problems"]!);
        Assert.NotNull(json["machine"]!["InstructionSet"]);

        var second = CliProcess.Run(["study", "--config", config]);
        Assert.True(second.ExitCode == 0, second.Stderr + second.Stdout);
        Assert.Equal(4, second.Stdout.Split('\n').Count(l => l.Contains("finished earlier", StringComparison.Ordinal)));
        Assert.Equal(report.Split('\n').Where(l => !l.Contains("min in total", StringComparison.Ordinal) && !l.StartsWith("- Time:", StringComparison.Ordinal)),
            File.ReadAllText(Path.Combine(output, "report.md")).Split('\n').Where(l => !l.Contains("min in total", StringComparison.Ordinal) && !l.StartsWith("- Time:", StringComparison.Ordinal)));
    }
}
