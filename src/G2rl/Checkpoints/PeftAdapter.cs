using G2rl.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace G2rl.Checkpoints;

/// <summary>
/// LoRA adapters as PEFT saves them (<c>save_pretrained</c>): adapter_config.json and adapter_model.safetensors with keys
/// "base_model.model.&lt;module&gt;.lora_A.weight" [r, in] and "…lora_B.weight" [out, r] (the adapter name "default" is
/// not part of the saved keys), float32. <c>peft.PeftModel.from_pretrained(base, folder)</c> loads such a folder.
/// </summary>
public static class PeftAdapter
{
    /// <summary>The weights file inside an adapter folder.</summary>
    public const string WeightsFile = "adapter_model.safetensors";

    /// <summary>Prefix PEFT's wrapper adds to the base model's module paths.</summary>
    public const string KeyPrefix = "base_model.model.";

    /// <summary>The saved key of lora_A or lora_B of <paramref name="module"/>, e.g. base_model.model.model.layers.0.self_attn.q_proj.lora_A.weight.</summary>
    public static string Key(string module, char part) => $"{KeyPrefix}{module}.lora_{part}.weight";

    /// <summary>Writes adapter_config.json and adapter_model.safetensors into the existing <paramref name="folder"/>.</summary>
    public static void Save(LoraAdapters adapters, string folder)
    {
        Directory.CreateDirectory(folder);
        PeftAdapterConfig.Of(adapters).Write(folder);
        var tensors = adapters.Adapters
            .SelectMany(a => new[] { (Key(a.Module, 'A'), (Tensor)a.A), (Key(a.Module, 'B'), (Tensor)a.B) })
            .OrderBy(t => t.Item1, StringComparer.Ordinal)
            .ToList();
        SafetensorsWriter.Write(Path.Combine(folder, WeightsFile), tensors);
    }

    /// <summary>Copies the adapter weights of <paramref name="folder"/> into live adapters of the same rank, α and targets (strict: missing, extra or misshapen tensors are errors).</summary>
    public static void Load(LoraAdapters adapters, string folder)
    {
        var config = PeftAdapterConfig.Read(folder);
        var expected = PeftAdapterConfig.Of(adapters);
        if (config.Rank != expected.Rank || config.Alpha != expected.Alpha || !config.Targets.Order(StringComparer.Ordinal).SequenceEqual(expected.Targets.Order(StringComparer.Ordinal)))
        {
            throw new G2rlException($"{folder}: adapter has r={config.Rank}, lora_alpha={config.Alpha}, targets [{string.Join(", ", config.Targets)}]; the config says r={expected.Rank}, alpha={expected.Alpha}, targets [{string.Join(", ", expected.Targets)}]");
        }
        var file = Open(folder);
        var wanted = adapters.Adapters.SelectMany(a => new[] { (Key(a.Module, 'A'), a.A), (Key(a.Module, 'B'), a.B) }).ToList();
        var extra = file.Tensors.Keys.Except(wanted.Select(w => w.Item1), StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (extra.Count > 0)
        {
            throw new G2rlException($"{file.Path}: {extra.Count} unexpected tensor(s): {string.Join(", ", extra.Take(5))}");
        }
        using var noGrad = torch.no_grad();
        foreach (var (key, parameter) in wanted)
        {
            using var scope = NewDisposeScope();
            parameter.copy_(Read(file, key, parameter.shape).to(parameter.dtype).to(parameter.device));
        }
    }

    /// <summary>Opens &lt;folder&gt;/adapter_model.safetensors.</summary>
    public static SafetensorsFile Open(string folder)
    {
        var path = Path.Combine(folder, WeightsFile);
        return File.Exists(path) ? SafetensorsFile.Open(path) : throw new G2rlException($"{folder}: no {WeightsFile}");
    }

    /// <summary>Reads tensor <paramref name="key"/> (CPU, stored dtype), checking its shape.</summary>
    public static Tensor Read(SafetensorsFile file, string key, long[] shape)
    {
        if (!file.Tensors.TryGetValue(key, out var info))
        {
            throw new G2rlException($"{file.Path}: missing tensor '{key}'");
        }
        if (!info.Shape.SequenceEqual(shape))
        {
            throw new G2rlException($"{file.Path}: tensor '{key}' has shape [{string.Join(", ", info.Shape)}], expected [{string.Join(", ", shape)}]");
        }
        return file.Read(key);
    }
}
