using System.Text;
using System.Text.Json;
using G2rl.Reporting;
using G2rl.Tests.Support;

namespace G2rl.Tests.Cli;

/// <summary>No stack traces for user-facing faults (issue 16 item 5): each is one line naming the file and field.</summary>
[Collection(InProcessCliCollection.Name)]
public sealed class UserFaultCliTests : IDisposable
{
    private readonly TempDir temp = new();
    private readonly CliFixtures files;

    public UserFaultCliTests() => files = new CliFixtures(temp);

    public void Dispose() => temp.Dispose();

    private static string OneErrorLine(CliProcess.Result result, params string[] expected)
    {
        Assert.True(result.ExitCode == 1, $"exit {result.ExitCode}: {result.Stderr}");
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line);
        foreach (var e in expected)
        {
            Assert.Contains(e, line);
        }
        return line;
    }

    [Fact]
    public void A_directory_where_tokenizer_json_is_expected_is_one_line()
    {
        var dir = temp.Sub("tok");
        Directory.CreateDirectory(Path.Combine(dir, "tokenizer.json"));
        OneErrorLine(InProcessCli.Run("tokenize", "--tokenizer", Path.Combine(dir, "tokenizer.json"), "--text", "x"), "tokenizer.json");
    }

    [Fact]
    public void A_directory_where_the_config_file_is_expected_is_one_line()
    {
        var dir = temp.Sub("cfg.yaml");
        Directory.CreateDirectory(dir);
        OneErrorLine(InProcessCli.Run("train", "--config", dir), "cfg.yaml");
    }

    [Fact]
    public void An_io_error_writing_the_run_directory_is_one_line()
    {
        var blocker = temp.Write("blocker", "a file");
        OneErrorLine(InProcessCli.Run("train", "--config", files.Config(Path.Combine(blocker, "run"))), "blocker");
    }

    [Fact]
    public void Config_type_errors_name_the_users_yaml_line()
    {
        var config = temp.Write("typed.yaml", $"model:\n  path: \"{files.Model}\"\ndata:\n  train: [\"{files.Problems}\"]\nrollout:\n  group_size: four\n");
        var line = OneErrorLine(InProcessCli.Run("train", "--config", config), "typed.yaml:6", "rollout.group_size");
        Assert.DoesNotContain("LineNumber", line);
    }

    [Fact]
    public void Deeply_nested_yaml_is_refused_without_overflowing_the_stack()
    {
        var config = temp.Write("deep.yaml", "model: " + new string('[', 200_000) + new string(']', 200_000) + "\n");
        OneErrorLine(InProcessCli.Run("train", "--config", config), "deep.yaml", "nested deeper than");
    }

    [Fact]
    public void Deeply_nested_toml_is_refused_without_overflowing_the_stack()
    {
        var config = temp.Write("deep.toml", "x = " + new string('[', 200_000) + new string(']', 200_000) + "\n");
        OneErrorLine(InProcessCli.Run("train", "--config", config), "deep.toml", "nested deeper than");
    }

    [Theory]
    [InlineData("{\"features\": [[1, \"a\"], [2, 3]], \"rewards\": [1, 0]}", "features[0][1]")]
    [InlineData("{\"features\": [1, 2], \"rewards\": [1, 0]}", "features[0]")]
    [InlineData("{\"features\": [[1], [2]], \"rewards\": [true, 0]}", "rewards[0]")]
    [InlineData("{\"features\": [[1], [2]], \"rewards\": [1, 0], \"mode\": 3}", "mode")]
    [InlineData("[1, 2]", "features")]
    [InlineData("{\"features\": ", "malformed JSON")]
    public void Type_errors_in_shape_input_name_the_field(string json, string field)
    {
        OneErrorLine(InProcessCli.Run("shape", "--input", temp.Write("shape.json", json)), "shape.json", field);
    }

    [Theory]
    [InlineData("[1, 2]", "header must be a JSON object")]
    [InlineData("{\"__metadata__\": 5}", "__metadata__")]
    public void Malformed_safetensors_headers_name_the_file_and_entry(string header, string expected)
    {
        var model = temp.CopyOf(files.Model, "bad-model");
        var bytes = Encoding.UTF8.GetBytes(header);
        File.WriteAllBytes(Path.Combine(model, "model.safetensors"), [.. BitConverter.GetBytes((ulong)bytes.Length), .. bytes]);
        OneErrorLine(InProcessCli.Run("generate", "--model", model, "--prompt", "1", "--max-new-tokens", "1"), "model.safetensors", expected);
    }

    [Theory]
    [InlineData("[]", "weight_map")]
    [InlineData("{\"weight_map\": [1]}", "weight_map")]
    [InlineData("{\"weight_map\": {\"lm_head.weight\": 3}}", "weight_map.lm_head.weight")]
    [InlineData("{\"weight_map\": {\"lm_head.weight\": \"../../etc/passwd\"}}", "weight_map.lm_head.weight")]
    public void Malformed_sharded_indexes_name_the_file_and_field(string index, string expected)
    {
        var model = temp.CopyOf(files.Model, "sharded");
        File.Delete(Path.Combine(model, "model.safetensors"));
        File.WriteAllText(Path.Combine(model, "model.safetensors.index.json"), index);
        OneErrorLine(InProcessCli.Run("generate", "--model", model, "--prompt", "1", "--max-new-tokens", "1"), "model.safetensors.index.json", expected);
    }

    [Fact]
    public void A_malformed_trainer_state_on_resume_names_the_file_and_field()
    {
        var run = temp.Sub("run");
        var config = files.Config(run, steps: 1);
        Assert.Equal(0, InProcessCli.Run("train", "--config", config).ExitCode);
        var state = Path.Combine(run, "checkpoints", "step-000001", "trainer_state.json");
        File.WriteAllText(state, File.ReadAllText(state).Replace("\"step\": 1", "\"step\": \"one\"", StringComparison.Ordinal));
        OneErrorLine(InProcessCli.Run("train", "--config", config, "--resume", run), "trainer_state.json", "'step'");
    }

    [Fact]
    public void A_huge_size_in_config_json_is_an_error_naming_the_fields_not_a_terabyte_allocation()
    {
        var config = Path.Combine(files.Model, "config.json");
        File.WriteAllText(config, File.ReadAllText(config).Replace("\"intermediate_size\": 128", "\"intermediate_size\": 2147483647", StringComparison.Ordinal));
        OneErrorLine(InProcessCli.Run("score", "--model", files.Model, "--input", temp.Write("ids.json", "{\"input_ids\": [[1, 2]]}")), "intermediate_size", "2147483647");
    }

    [Theory]
    [InlineData("rollout:\n", "'rollout' must be a mapping")]
    [InlineData("data:\n  train:\n", "'data.train' must not be null")]
    [InlineData("data:\n  train: [~]\n", "'data.train' must not contain null")]
    public void An_empty_yaml_value_where_a_section_or_list_is_needed_names_the_key(string yaml, string expected)
    {
        OneErrorLine(InProcessCli.Run("train", "--config", temp.Write("empty.yaml", $"model:\n  path: \"{files.Model}\"\n{yaml}")), "empty.yaml", expected);
    }

    [Fact]
    public void A_failure_inside_the_training_loop_exits_with_code_4_and_one_line()
    {
        var first = temp.Sub("first");
        Assert.Equal(0, InProcessCli.Run("train", "--config", files.Config(first, steps: 1)).ExitCode);
        // The second run's checkpoints/ is a file: its periodic save (and the emergency save) fail with an IOException.
        var second = temp.Sub("second");
        temp.Write("second/checkpoints", "not a folder");
        var result = InProcessCli.Run("train", "--config", files.Config(second, steps: 2, name: "second.yaml"), "--resume", Path.Combine(first, "checkpoints", "step-000001"));
        Assert.True(result.ExitCode == 4, $"exit {result.ExitCode}: {result.Stderr}");
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("step 2 failed", line);
        Assert.Contains("could not be saved", line);
    }

    [Fact]
    public void Non_finite_numbers_in_json_output_are_written_as_null()
    {
        var options = new JsonSerializerOptions { Converters = { new FiniteOrNullConverter(), new FiniteOrNullFloatConverter() } };
        Assert.Equal("{\"a\":null,\"b\":[1.5,null],\"c\":null}", JsonSerializer.Serialize(new { a = double.NaN, b = new[] { 1.5, double.PositiveInfinity }, c = float.NegativeInfinity }, options));
    }
}
