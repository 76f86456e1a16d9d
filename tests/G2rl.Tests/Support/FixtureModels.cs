using System.Text.Json;
using G2rl.Checkpoints;
using G2rl.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace G2rl.Tests.Support;

/// <summary>The tiny reference models from transformers (tests/G2rl.Tests/fixtures) and their expected outputs.</summary>
internal static class FixtureModels
{
    public static string Dir(string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", name);

    public static Qwen3ForCausalLM Load(string name, ScalarType dtype = ScalarType.Float32) => HfCheckpoint.Load(Dir(name), CPU, dtype);

    /// <summary>The expected.json of a float32 fixture folder.</summary>
    public static Expected LoadExpected(string name)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Dir(name), "expected.json")));
        var root = doc.RootElement;
        return new Expected(
            ToTensor(root.GetProperty("input_ids"), ScalarType.Int64),
            ToTensor(root.GetProperty("attention_mask"), ScalarType.Int64),
            ToTensor(root.GetProperty("logits"), ScalarType.Float32),
            ToTensor(root.GetProperty("final_hidden"), ScalarType.Float32),
            ToTensor(root.GetProperty("token_logprobs"), ScalarType.Float32),
            ToTensor(root.GetProperty("greedy_16"), ScalarType.Int64),
            ToTensor(root.GetProperty("logits_from_bf16_weights"), ScalarType.Float32));
    }

    private static Tensor ToTensor(JsonElement e, ScalarType dtype)
    {
        var shape = new List<long>();
        var cur = e;
        while (cur.ValueKind == JsonValueKind.Array)
        {
            shape.Add(cur.GetArrayLength());
            cur = cur[0];
        }
        var values = new List<double>();
        Flatten(e, values);
        return torch.tensor(values.ToArray(), dtype: ScalarType.Float64).reshape([.. shape]).to(dtype);
    }

    private static void Flatten(JsonElement e, List<double> values)
    {
        if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in e.EnumerateArray())
            {
                Flatten(item, values);
            }
        }
        else
        {
            values.Add(e.GetDouble());
        }
    }

    internal sealed record Expected(Tensor InputIds, Tensor AttentionMask, Tensor Logits, Tensor FinalHidden, Tensor TokenLogprobs, Tensor Greedy16, Tensor LogitsFromBf16);
}
