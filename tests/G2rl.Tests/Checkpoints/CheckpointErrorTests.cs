using G2rl.Checkpoints;
using G2rl.Tests.Support;
using TorchSharp;
using static TorchSharp.torch;

namespace G2rl.Tests.Checkpoints;

/// <summary>Broken checkpoints give errors that name the tensor and the file.</summary>
public sealed class CheckpointErrorTests : IDisposable
{
    private readonly TempDir temp = new();

    public void Dispose() => temp.Dispose();

    private string RewriteWeights(Func<List<(string Name, Tensor Tensor)>, List<(string Name, Tensor Tensor)>> edit)
    {
        var dir = temp.CopyOf(FixtureModels.Dir("tiny-qwen3-untied"), "model");
        var file = SafetensorsFile.Open(Path.Combine(dir, "model.safetensors"));
        var tensors = file.Tensors.Keys.Order(StringComparer.Ordinal).Select(n => (n, file.Read(n))).ToList();
        SafetensorsWriter.Write(Path.Combine(dir, "model.safetensors"), edit(tensors));
        return dir;
    }

    [Fact]
    public void MissingTensorIsNamed()
    {
        var dir = RewriteWeights(t => t.Where(x => x.Name != "model.layers.1.mlp.up_proj.weight").ToList());
        var ex = Assert.Throws<G2rlException>(() => HfCheckpoint.Load(dir, CPU, ScalarType.Float32));
        Assert.Contains("missing", ex.Message);
        Assert.Contains("model.layers.1.mlp.up_proj.weight", ex.Message);
    }

    [Fact]
    public void ExtraTensorIsNamed()
    {
        var dir = RewriteWeights(t => [.. t, ("model.layers.7.surprise.weight", torch.zeros(3))]);
        var ex = Assert.Throws<G2rlException>(() => HfCheckpoint.Load(dir, CPU, ScalarType.Float32));
        Assert.Contains("model.layers.7.surprise.weight", ex.Message);
        Assert.Contains("model.safetensors", ex.Message);
    }

    [Fact]
    public void MisshapenTensorIsNamedWithBothShapes()
    {
        var dir = RewriteWeights(t => t.Select(x => x.Name == "model.norm.weight" ? (x.Name, torch.ones(65)) : x).ToList());
        var ex = Assert.Throws<G2rlException>(() => HfCheckpoint.Load(dir, CPU, ScalarType.Float32));
        Assert.Contains("model.norm.weight", ex.Message);
        Assert.Contains("[65]", ex.Message);
        Assert.Contains("[64]", ex.Message);
        Assert.Contains("model.safetensors", ex.Message);
    }

    [Fact]
    public void TruncatedFileNamesTheCutTensorAndFile()
    {
        var dir = temp.CopyOf(FixtureModels.Dir("tiny-qwen3-untied"), "model");
        var path = Path.Combine(dir, "model.safetensors");
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..^100]);
        var ex = Assert.Throws<G2rlException>(() => HfCheckpoint.Load(dir, CPU, ScalarType.Float32));
        Assert.Contains("truncated", ex.Message);
        Assert.Contains(path, ex.Message);
        var last = SafetensorsFileLastTensor(bytes);
        Assert.Contains(last, ex.Message);
    }

    [Fact]
    public void MissingShardIsNamed()
    {
        var dir = temp.CopyOf(FixtureModels.Dir("tiny-qwen3-untied-sharded"), "sharded");
        File.Delete(Path.Combine(dir, "model-00004-of-00009.safetensors"));
        var ex = Assert.Throws<G2rlException>(() => HfCheckpoint.Load(dir, CPU, ScalarType.Float32));
        Assert.Contains("model-00004-of-00009.safetensors", ex.Message);
    }

    [Fact]
    public void MissingWeightsAndConfigAreClearErrors()
    {
        var dir = temp.CopyOf(FixtureModels.Dir("tiny-qwen3-tied"), "noweights");
        File.Delete(Path.Combine(dir, "model.safetensors"));
        Assert.Contains("model.safetensors", Assert.Throws<G2rlException>(() => HfCheckpoint.Load(dir, CPU, ScalarType.Float32)).Message);
        File.Delete(Path.Combine(dir, "config.json"));
        Assert.Contains("config.json", Assert.Throws<G2rlException>(() => HfCheckpoint.Load(dir, CPU, ScalarType.Float32)).Message);
    }

    private static string SafetensorsFileLastTensor(byte[] bytes)
    {
        var n = (int)BitConverter.ToUInt64(bytes, 0);
        using var doc = System.Text.Json.JsonDocument.Parse(bytes.AsMemory(8, n));
        return doc.RootElement.EnumerateObject().Where(p => p.Name != "__metadata__")
            .OrderByDescending(p => p.Value.GetProperty("data_offsets")[1].GetInt64()).First().Name;
    }
}
