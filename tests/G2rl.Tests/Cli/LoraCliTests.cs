using System.Text.Json;
using G2rl.Tests.Support;
using G2rl.Tokenization;

namespace G2rl.Tests.Cli;

/// <summary>`g2rl train` with model.lora (and G2RL features), then `g2rl merge` of its checkpoint, end to end.</summary>
public sealed class LoraCliTests : IDisposable
{
    private readonly TempDir temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void TrainWithLoraWritesAPeftCheckpointThatMergesIntoALoadableModel()
    {
        var model = temp.CopyOf(FixtureModels.Dir("tiny-qwen3-tied"), "model");
        new CharTokenizer("0123456789+=? ".Select(c => c.ToString())).Save(model);
        var problems = temp.Sub("problems.jsonl");
        File.WriteAllLines(problems, Enumerable.Range(0, 6).Select(i => JsonSerializer.Serialize(new { id = $"q{i}", question = $"{i}+{i}=?", answer = $"{2 * i}" })));
        var run = temp.Sub("run");
        var config = temp.Write("run.yaml", $"""
            model: {"{"} path: "{model}", lora: {"{"} rank: 4, alpha: 8, targets: [q_proj, v_proj, up_proj] {"}"} {"}"}
            data: {"{"} train: ["{problems}"], template: "{"{question}"}" {"}"}
            rollout: {"{"} group_size: 3, prompts_per_step: 2, max_new_tokens: 4 {"}"}
            optim: {"{"} lr: 1.0e-2 {"}"}
            loss: {"{"} kl_coef: 0.01 {"}"}
            exploration: {"{"} method: g2rl {"}"}
            run: {"{"} steps: 2, seed: 3, output_dir: "{run}" {"}"}
            """);
        var train = CliProcess.Run(["train", "--config", config]);
        Assert.True(train.ExitCode == 0, train.Stderr + train.Stdout);
        var checkpoint = Path.Combine(run, "checkpoints", "step-000002");
        Assert.True(File.Exists(Path.Combine(checkpoint, "adapter_model.safetensors")));
        using (var adapterConfig = JsonDocument.Parse(File.ReadAllText(Path.Combine(checkpoint, "adapter_config.json"))))
        {
            Assert.Equal(Path.GetFullPath(model), adapterConfig.RootElement.GetProperty("base_model_name_or_path").GetString());
        }

        var merged = temp.Sub("merged");
        var merge = CliProcess.Run(["merge", "--model", model, "--adapter", checkpoint, "--out", merged]);
        Assert.True(merge.ExitCode == 0, merge.Stderr);
        Assert.Contains("merged 6 adapted weights", merge.Stdout);
        Assert.True(File.Exists(Path.Combine(merged, "tokenizer.json")), "the base folder's tokenizer is copied along");

        var ids = temp.Write("ids.json", """{"input_ids": [[1, 5, 7, 9]], "attention_mask": [[1, 1, 1, 1]]}""");
        var scoreBase = CliProcess.Run(["score", "--model", model, "--input", ids]);
        var scoreMerged = CliProcess.Run(["score", "--model", merged, "--input", ids]);
        Assert.True(scoreMerged.ExitCode == 0, scoreMerged.Stderr);
        Assert.NotEqual(scoreBase.Stdout, scoreMerged.Stdout);
    }
}
