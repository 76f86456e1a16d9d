using System.Buffers.Binary;
using System.Text.Json;
using G2rl.Checkpoints;
using G2rl.Model;
using G2rl.Tests.Cli;
using G2rl.Tests.Model;
using G2rl.Tests.Support;
using TorchSharp;
using static TorchSharp.torch;

namespace G2rl.Tests.Checkpoints;

/// <summary>Adapters saved in PEFT's layout (key names, adapter_config.json fields) and merged back into HF folders.</summary>
public sealed class PeftAdapterTests : IDisposable
{
    private static readonly LoraOptions Options = new() { Rank = 4, Alpha = 8, Dropout = 0.05, Targets = ["q_proj", "v_proj", "down_proj"] };
    private readonly TempDir temp = new();

    public void Dispose() => temp.Dispose();

    /// <summary>The safetensors header parsed by hand (independent of SafetensorsFile): name → (dtype, shape).</summary>
    private static Dictionary<string, (string DType, long[] Shape)> Header(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var length = (int)BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        using var doc = JsonDocument.Parse(bytes.AsMemory(8, length));
        return doc.RootElement.EnumerateObject().Where(p => p.Name != "__metadata__").ToDictionary(
            p => p.Name,
            p => (p.Value.GetProperty("dtype").GetString()!, p.Value.GetProperty("shape").EnumerateArray().Select(s => s.GetInt64()).ToArray()));
    }

    private (Qwen3ForCausalLM Model, LoraAdapters Lora, string Folder) Saved(string fixture = "tiny-qwen3-tied")
    {
        var model = FixtureModels.Load(fixture);
        var lora = LoraAdapters.Attach(model, Options, 9, FixtureModels.Dir(fixture));
        LoraTests.Randomise(lora, 2);
        var folder = temp.Sub("adapter");
        PeftAdapter.Save(lora, folder);
        return (model, lora, folder);
    }

    [Fact]
    public void SavedKeysFollowPeftNaming()
    {
        var (model, lora, folder) = Saved();
        using var _ = model;
        var header = Header(Path.Combine(folder, "adapter_model.safetensors"));
        var expected = new List<string>();
        foreach (var layer in new[] { 0, 1 })
        {
            foreach (var module in new[] { "self_attn.q_proj", "self_attn.v_proj", "mlp.down_proj" })
            {
                expected.Add($"base_model.model.model.layers.{layer}.{module}.lora_A.weight");
                expected.Add($"base_model.model.model.layers.{layer}.{module}.lora_B.weight");
            }
        }
        Assert.Equal(expected.Order(StringComparer.Ordinal), header.Keys.Order(StringComparer.Ordinal));
        void Check(string key, params long[] shape)
        {
            Assert.Equal("F32", header[key].DType);
            Assert.Equal(shape, header[key].Shape);
        }
        Check("base_model.model.model.layers.0.self_attn.q_proj.lora_A.weight", 4, 64);
        Check("base_model.model.model.layers.0.self_attn.q_proj.lora_B.weight", 64, 4);
        Check("base_model.model.model.layers.0.self_attn.v_proj.lora_B.weight", 32, 4);
        Check("base_model.model.model.layers.1.mlp.down_proj.lora_A.weight", 4, 128);
        lora.Dispose();
    }

    [Fact]
    public void AdapterConfigHasPeftsLoraFields()
    {
        var (model, lora, folder) = Saved();
        using var _ = model;
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "adapter_config.json")));
        var c = doc.RootElement;
        Assert.Equal("LORA", c.GetProperty("peft_type").GetString());
        Assert.Equal("CAUSAL_LM", c.GetProperty("task_type").GetString());
        Assert.Equal(4, c.GetProperty("r").GetInt32());
        Assert.Equal(8, c.GetProperty("lora_alpha").GetInt32());
        Assert.Equal(0.05, c.GetProperty("lora_dropout").GetDouble());
        Assert.Equal(["q_proj", "v_proj", "down_proj"], c.GetProperty("target_modules").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("none", c.GetProperty("bias").GetString());
        Assert.Equal(FixtureModels.Dir("tiny-qwen3-tied"), c.GetProperty("base_model_name_or_path").GetString());
        Assert.True(c.GetProperty("inference_mode").GetBoolean());
        Assert.False(c.GetProperty("fan_in_fan_out").GetBoolean());
        Assert.False(c.GetProperty("use_rslora").GetBoolean());
        Assert.False(c.GetProperty("use_dora").GetBoolean());
        Assert.Equal(JsonValueKind.Null, c.GetProperty("modules_to_save").ValueKind);
        lora.Dispose();
    }

    [Fact]
    public void SaveThenLoadRestoresTheAdaptersExactly()
    {
        var (model, lora, folder) = Saved();
        using var _ = model;
        using var other = FixtureModels.Load("tiny-qwen3-tied");
        using var fresh = LoraAdapters.Attach(other, Options, 123, "x");
        PeftAdapter.Load(fresh, folder);
        for (var i = 0; i < lora.Adapters.Count; i++)
        {
            Assert.True(LoraTests.Same(lora.Adapters[i].A, fresh.Adapters[i].A) && LoraTests.Same(lora.Adapters[i].B, fresh.Adapters[i].B));
        }
        using var wrongRank = LoraAdapters.Attach(FixtureModels.Load("tiny-qwen3-tied"), Options with { Rank = 2 }, 1, "x");
        Assert.Contains("r=4", Assert.Throws<G2rlException>(() => PeftAdapter.Load(wrongRank, folder)).Message);
        lora.Dispose();
    }

    [Theory]
    [InlineData("tiny-qwen3-tied")]
    [InlineData("tiny-qwen3-untied-bf16")]
    public void MergedExportEqualsBasePlusScaledBA(string fixture)
    {
        var (model, lora, folder) = Saved(fixture);
        using var _ = model;
        var output = temp.Sub("merged");
        Assert.Equal(6, PeftMerge.Merge(FixtureModels.Dir(fixture), folder, output));
        var merged = WeightSource.Open(output);
        var original = WeightSource.Open(FixtureModels.Dir(fixture));
        Assert.Equal(original.Names.Order(StringComparer.Ordinal), merged.Names.Order(StringComparer.Ordinal));
        var adapters = lora.Adapters.ToDictionary(a => a.Module + ".weight");
        foreach (var name in original.Names)
        {
            using var scope = NewDisposeScope();
            var w = original.Read(name);
            var m = merged.Read(name);
            Assert.Equal(w.dtype, m.dtype);
            if (!adapters.TryGetValue(name, out var a))
            {
                Assert.True(LoraTests.Same(w, m), $"{name} must be copied unchanged");
                continue;
            }
            // Reference in float64: W + (α/r)·B·A. float32 weights: within 1e-6. bf16 weights: within one bf16 rounding (2⁻⁸ relative).
            var expected = w.to(ScalarType.Float64) + (torch.matmul(a.B.to(ScalarType.Float64), a.A.to(ScalarType.Float64)) * 2.0);
            var tolerance = w.dtype == ScalarType.Float32 ? torch.full_like(expected, 1e-6) : (expected.abs() * Math.Pow(2, -8)) + 1e-6;
            var excess = ((m.to(ScalarType.Float64) - expected).abs() - tolerance).max().item<double>();
            Assert.True(excess <= 0, $"{name}: |merged - (W + α/r·B·A)| exceeds the tolerance by {excess}");
            Assert.False(LoraTests.Same(w, m), $"{name} must change");
        }
        Assert.True(File.Exists(Path.Combine(output, "config.json")) && File.Exists(Path.Combine(output, "generation_config.json")));
        if (fixture == "tiny-qwen3-tied")
        {
            using var reloaded = HfCheckpoint.Load(output, CPU, ScalarType.Float32);
            var diff = (LoraTests.Logits(reloaded) - LoraTests.Logits(model)).abs().max().item<float>();
            Assert.True(diff < 1e-4, $"merged model vs adapter forward: {diff}");
        }
        lora.Dispose();
    }

    [Fact]
    public void MergeCommandWritesTheFolderAndBadInputIsOneLine()
    {
        var (model, lora, folder) = Saved();
        using var _ = model;
        var output = temp.Sub("cli-merged");
        var ok = CliProcess.Run(["merge", "--model", FixtureModels.Dir("tiny-qwen3-tied"), "--adapter", folder, "--out", output]);
        Assert.True(ok.ExitCode == 0, ok.Stderr);
        Assert.Contains("merged 6 adapted weights", ok.Stdout);
        Assert.True(File.Exists(Path.Combine(output, "model.safetensors")));

        File.WriteAllText(Path.Combine(folder, "adapter_config.json"), """{"peft_type": "LORA", "r": 4, "lora_alpha": 8, "use_dora": true}""");
        var bad = CliProcess.Run(["merge", "--model", FixtureModels.Dir("tiny-qwen3-tied"), "--adapter", folder, "--out", temp.Sub("x")]);
        Assert.Equal(1, bad.ExitCode);
        Assert.Single(bad.Stderr.Trim().Split('\n'));
        Assert.Contains("use_dora", bad.Stderr);
        lora.Dispose();
    }
}
