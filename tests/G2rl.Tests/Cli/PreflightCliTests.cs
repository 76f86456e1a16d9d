using System.Text.Json.Nodes;
using G2rl.Tests.Support;
using G2rl.Tokenization;

namespace G2rl.Tests.Cli;

/// <summary>Everything checkable is checked before step 1 (issue 16 item 2): each case fails with one line and trains nothing.</summary>
[Collection(InProcessCliCollection.Name)]
public sealed class PreflightCliTests : IDisposable
{
    private readonly TempDir temp = new();
    private readonly CliFixtures files;

    public PreflightCliTests() => files = new CliFixtures(temp);

    public void Dispose() => temp.Dispose();

    private void FailsBeforeStepOne(string expected, string config, params string[] extra)
    {
        var result = InProcessCli.Run(["train", "--config", config, .. extra]);
        Assert.True(result.ExitCode == 1, $"exit {result.ExitCode}: {result.Stderr}");
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line);
        Assert.Contains(expected, line);
        Assert.False(File.Exists(Path.Combine(temp.Sub("run"), "metrics.jsonl")), "a step ran");
    }

    private void EditModelConfig(Action<JsonObject> edit)
    {
        var path = Path.Combine(files.Model, "config.json");
        var json = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        edit(json);
        File.WriteAllText(path, json.ToJsonString());
    }

    [Fact]
    public void Hidden_act_other_than_silu_is_refused()
    {
        EditModelConfig(c => c["hidden_act"] = "gelu");
        FailsBeforeStepOne("hidden_act 'gelu'", files.Config(temp.Sub("run")));
    }

    [Fact]
    public void A_tokenizer_with_more_ids_than_the_models_vocab_is_refused()
    {
        new CharTokenizer(Enumerable.Range(0, 500).Select(i => ((char)(0x100 + i)).ToString())).Save(files.Model);
        FailsBeforeStepOne("vocab_size is 384", files.Config(temp.Sub("run")));
    }

    [Fact]
    public void An_eos_id_outside_the_vocabulary_is_refused()
    {
        EditModelConfig(c => c["eos_token_id"] = 5000);
        FailsBeforeStepOne("eos_token_id 5000", files.Config(temp.Sub("run")));
    }

    [Fact]
    public void Group_size_one_is_refused()
    {
        FailsBeforeStepOne("rollout.group_size", files.Config(temp.Sub("run")), "--set", "rollout.group_size=1");
    }

    [Theory]
    [InlineData("rollout.temperature: .inf", "rollout.temperature = .inf")]
    [InlineData("optim.eps: .nan", "optim.eps = .nan")]
    [InlineData("rollout.top_p: -.Inf", "rollout.top_p = -.Inf")]
    public void Non_finite_numbers_in_yaml_are_refused_with_their_line(string entry, string expected)
    {
        var (section, rest) = (entry.Split('.', 2)[0], entry.Split('.', 2)[1]);
        var config = temp.Write("nan.yaml", File.ReadAllText(files.Config(temp.Sub("run"))).Replace($"{section}: {{", $"{section}: {{ {rest},", StringComparison.Ordinal));
        FailsBeforeStepOne(expected, config);
        Assert.Contains("nan.yaml:", InProcessCli.Run("train", "--config", config).Stderr);
    }

    [Fact]
    public void Non_finite_numbers_in_toml_are_refused()
    {
        var config = temp.Write("nan.toml", $"[model]\npath = \"{files.Model}\"\n[data]\ntrain = [\"{files.Problems}\"]\n[rollout]\ntop_p = nan\n[run]\noutput_dir = \"{temp.Sub("run")}\"\n");
        FailsBeforeStepOne("rollout.top_p = NaN", config);
    }

    [Fact]
    public void Max_new_tokens_that_would_overflow_with_the_prompt_is_refused()
    {
        FailsBeforeStepOne("rollout.max_new_tokens = 2147483647", files.Config(temp.Sub("run")), "--set", "rollout.max_new_tokens=2147483647");
    }

    [Fact]
    public void An_eval_prompt_longer_than_the_context_is_refused_before_training()
    {
        var eval = temp.Write("long-eval.jsonl", "{\"id\": \"long\", \"question\": \"" + new string('1', 300) + "\", \"answer\": \"1\"}\n");
        FailsBeforeStepOne("problem 'long'", files.Config(temp.Sub("run")), "--set", $"data.eval=[\"{eval}\"]", "--set", "eval.every=1");
    }

    [Fact]
    public void A_non_empty_run_directory_without_resume_or_overwrite_is_refused()
    {
        temp.Write("run/metrics.jsonl", "{\"step\": 1}\n");
        var result = InProcessCli.Run("train", "--config", files.Config(temp.Sub("run")));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--resume", result.Stderr);
        Assert.Contains("--overwrite", result.Stderr);
        Assert.Equal("{\"step\": 1}\n", File.ReadAllText(temp.Sub("run/metrics.jsonl")));
    }

    [Fact]
    public void Run_threads_far_above_the_core_count_is_capped_and_the_run_completes()
    {
        var before = TorchSharp.torch.get_num_threads();
        try
        {
            var result = InProcessCli.Run("train", "--config", files.Config(temp.Sub("run"), steps: 1), "--set", "run.threads=100000");
            Assert.True(result.ExitCode == 0, result.Stderr);
            Assert.InRange(TorchSharp.torch.get_num_threads(), 1, Environment.ProcessorCount);
        }
        finally
        {
            TorchSharp.torch.set_num_threads(before);
        }
    }

    [Theory]
    [InlineData("eval", "--samples", "0")]
    [InlineData("eval", "--limit", "-1")]
    [InlineData("eval", "--temperature", "NaN")]
    [InlineData("eval", "--max-new-tokens", "2147483647")]
    [InlineData("generate", "--max-new-tokens", "2147483647")]
    [InlineData("generate", "--temperature", "Infinity")]
    [InlineData("generate", "--samples", "0")]
    public void Sampling_options_out_of_range_are_one_line_errors(string command, string option, string value)
    {
        var options = command == "eval"
            ? new Dictionary<string, string> { ["--model"] = files.Model, ["--bench"] = files.Problems, ["--max-new-tokens"] = "3", ["--samples"] = "1", ["--template"] = "{question}" }
            : new Dictionary<string, string> { ["--model"] = files.Model, ["--prompt"] = "1+1=?", ["--max-new-tokens"] = "3" };
        options[option] = value;
        var result = InProcessCli.Run([command, .. options.SelectMany(kv => new[] { kv.Key, kv.Value })]);
        Assert.True(result.ExitCode == 1, $"exit {result.ExitCode}: {result.Stderr}");
        Assert.Contains(option, Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }
}
