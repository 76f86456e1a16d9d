using G2rl.Checkpoints;
using G2rl.Model;
using G2rl.Tests.Support;
using TorchSharp;
using static TorchSharp.torch;

namespace G2rl.Tests.Checkpoints;

/// <summary>A saved model folder reloads with identical weights and logits; saving is atomic.</summary>
public sealed class SaveLoadTests : IDisposable
{
    private readonly TempDir temp = new();

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData("tiny-qwen3-tied")]
    [InlineData("tiny-qwen3-untied")]
    public void SavedFolderReloadsBitIdentical(string name)
    {
        using var scope = NewDisposeScope();
        using var model = FixtureModels.Load(name);
        var dir = temp.Sub("saved");
        HfCheckpoint.Save(model, dir, new HfSaveOptions { CopyFilesFrom = FixtureModels.Dir(name) });
        Assert.True(File.Exists(Path.Combine(dir, "config.json")));
        Assert.True(File.Exists(Path.Combine(dir, "generation_config.json")));
        using var reloaded = HfCheckpoint.Load(dir, CPU, ScalarType.Float32);
        AssertSameParameters(model, reloaded);
        var original = SafetensorsFile.Open(Path.Combine(FixtureModels.Dir(name), "model.safetensors")).Tensors.Keys.Order(StringComparer.Ordinal);
        var saved = SafetensorsFile.Open(Path.Combine(dir, "model.safetensors")).Tensors.Keys.Order(StringComparer.Ordinal);
        Assert.Equal(original, saved);
    }

    [Fact]
    public void ShardedSaveWritesIndexAndReloads()
    {
        using var scope = NewDisposeScope();
        using var model = FixtureModels.Load("tiny-qwen3-untied");
        var dir = temp.Sub("sharded");
        HfCheckpoint.Save(model, dir, new HfSaveOptions { MaxShardBytes = 100_000 });
        Assert.True(File.Exists(Path.Combine(dir, "model.safetensors.index.json")));
        Assert.True(Directory.GetFiles(dir, "model-*-of-*.safetensors").Length > 1);
        using var reloaded = HfCheckpoint.Load(dir, CPU, ScalarType.Float32);
        AssertSameParameters(model, reloaded);
    }

    [Fact]
    public void Bf16SaveStoresRoundedWeights()
    {
        using var scope = NewDisposeScope();
        using var model = FixtureModels.Load("tiny-qwen3-tied");
        var dir = temp.Sub("bf16");
        HfCheckpoint.Save(model, dir, new HfSaveOptions { DType = ScalarType.BFloat16 });
        var file = SafetensorsFile.Open(Path.Combine(dir, "model.safetensors"));
        Assert.All(file.Tensors.Values, t => Assert.Equal(ScalarType.BFloat16, t.DType));
        using var reloaded = HfCheckpoint.Load(dir, CPU, ScalarType.Float32);
        var a = model.named_parameters().First().parameter.to(ScalarType.BFloat16).to(ScalarType.Float32);
        var b = reloaded.named_parameters().First().parameter;
        Assert.True(a.eq(b).all().item<bool>());
        Assert.Contains("\"bfloat16\"", File.ReadAllText(Path.Combine(dir, "config.json")));
    }

    [Fact]
    public void FailedSaveLeavesThePreviousFolderIntact()
    {
        using var scope = NewDisposeScope();
        using var model = FixtureModels.Load("tiny-qwen3-tied");
        var dir = temp.Sub("ckpt");
        HfCheckpoint.Save(model, dir);
        var before = File.ReadAllBytes(Path.Combine(dir, "model.safetensors"));
        using (torch.no_grad())
        {
            model.named_parameters().First().parameter.add_(1.0);
        }
        Assert.Throws<IOException>(() => HfCheckpoint.Save(model, dir, new HfSaveOptions { WriteExtraFiles = _ => throw new IOException("simulated crash mid-write") }));
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(dir, "model.safetensors")));
        Assert.Single(Directory.GetFileSystemEntries(temp.Path));
        using var reloaded = HfCheckpoint.Load(dir, CPU, ScalarType.Float32);
    }

    private static void AssertSameParameters(Qwen3ForCausalLM a, Qwen3ForCausalLM b)
    {
        var pb = b.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        var pa = a.named_parameters().ToList();
        Assert.Equal(pa.Count, pb.Count);
        foreach (var (name, p) in pa)
        {
            Assert.True(p.eq(pb[name]).all().item<bool>(), $"{name} differs after reload");
        }
    }
}
