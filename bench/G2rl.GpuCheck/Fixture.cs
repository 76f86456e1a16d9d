using System.Text.Json;
using G2rl.Checkpoints;
using G2rl.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace G2rl.GpuCheck;

/// <summary>The transformers fixtures copied next to this executable (tests/G2rl.Tests/fixtures) and their expected.json tensors.</summary>
internal static class Fixture
{
    public static string Dir(string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", name);

    public static Qwen3ForCausalLM Load(string name, Device device, ScalarType dtype) => HfCheckpoint.Load(Dir(name), device, dtype);

    /// <summary>Tensor <paramref name="key"/> of tiny-qwen3-tied/expected.json on the CPU.</summary>
    public static Tensor Expected(string key, ScalarType dtype)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Dir("tiny-qwen3-tied"), "expected.json")));
        var e = doc.RootElement.GetProperty(key);
        var shape = new List<long>();
        for (var cur = e; cur.ValueKind == JsonValueKind.Array; cur = cur[0])
        {
            shape.Add(cur.GetArrayLength());
        }
        var values = new List<double>();
        Flatten(e, values);
        return torch.tensor(values.ToArray(), dtype: ScalarType.Float64).reshape([.. shape]).to(dtype);
    }

    /// <summary>The fixture's prompts without padding.</summary>
    public static IReadOnlyList<IReadOnlyList<int>> Prompts()
    {
        var ids = Expected("input_ids", ScalarType.Int64).data<long>().ToArray();
        var mask = Expected("attention_mask", ScalarType.Int64).data<long>().ToArray();
        var t = ids.Length / 2;
        return Enumerable.Range(0, 2).Select(b => (IReadOnlyList<int>)Enumerable.Range(0, t).Where(j => mask[(b * t) + j] == 1).Select(j => (int)ids[(b * t) + j]).ToList()).ToList();
    }

    /// <summary>max |a − b| where the attention mask [B, T] is 1 (a and b on any device).</summary>
    public static double MaxAbsDiff(Tensor a, Tensor b, Tensor mask)
    {
        using var scope = NewDisposeScope();
        var d = (a.cpu().to(ScalarType.Float64) - b.cpu().to(ScalarType.Float64)).abs();
        var m = mask.cpu().to(ScalarType.Bool);
        while (m.dim() < d.dim())
        {
            m = m.unsqueeze(-1);
        }
        return d.masked_fill(m.logical_not(), 0).max().item<double>();
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
}
