using System.Text.Json;
using G2rl.Tests.Support;
using G2rl.Tokenization;

namespace G2rl.Tests.Cli;

/// <summary>The tiny fixture model with a character tokenizer, a problems file and a valid YAML config, in a temp folder.</summary>
internal sealed class CliFixtures(TempDir temp)
{
    public string Model { get; } = MakeModel(temp);

    public string Problems { get; } = MakeProblems(temp);

    /// <summary>A config that trains <paramref name="steps"/> steps into <paramref name="run"/>; <paramref name="extra"/> is appended.</summary>
    public string Config(string run, int steps = 2, string extra = "", string name = "run.yaml") => temp.Write(name, $"""
        model: {"{"} path: "{Model}" {"}"}
        data: {"{"} train: ["{Problems}"], eval: [], template: "{"{question}"}" {"}"}
        rollout: {"{"} group_size: 2, prompts_per_step: 2, max_new_tokens: 3 {"}"}
        optim: {"{"} lr: 1.0e-3 {"}"}
        checkpoint: {"{"} every: 1, keep_last: 5 {"}"}
        run: {"{"} steps: {steps}, seed: 3, output_dir: "{run}" {"}"}
        {extra}
        """);

    private static string MakeModel(TempDir temp)
    {
        var model = temp.CopyOf(FixtureModels.Dir("tiny-qwen3-tied"), "model");
        new CharTokenizer("0123456789+=? ".Select(c => c.ToString())).Save(model);
        return model;
    }

    private static string MakeProblems(TempDir temp)
    {
        var problems = temp.Sub("problems.jsonl");
        File.WriteAllLines(problems, Enumerable.Range(0, 6).Select(i => JsonSerializer.Serialize(new { id = $"q{i}", question = $"{i}+{i}=?", answer = $"{2 * i}" })));
        return problems;
    }
}
