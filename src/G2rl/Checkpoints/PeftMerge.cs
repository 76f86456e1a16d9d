using G2rl.Model;
using static TorchSharp.torch;

namespace G2rl.Checkpoints;

/// <summary>
/// Folds a PEFT LoRA adapter into its base model: every adapted weight becomes W + (α/r)·B·A, computed in float32 and
/// cast back to the stored dtype of W; all other tensors and the folder's other files (config.json, generation_config.json,
/// tokenizer files) are copied unchanged. The result is a plain HF folder, written atomically.
/// </summary>
public static class PeftMerge
{
    /// <summary>Merges <paramref name="adapterFolder"/> into <paramref name="baseFolder"/> and writes the HF folder <paramref name="outFolder"/>; returns the number of merged weights.</summary>
    public static int Merge(string baseFolder, string adapterFolder, string outFolder, long maxShardBytes = 5_000_000_000)
    {
        if (!Directory.Exists(baseFolder))
        {
            throw new G2rlException($"model folder not found: {baseFolder}");
        }
        var full = Path.GetFullPath(outFolder).TrimEnd(Path.DirectorySeparatorChar);
        if (full == Path.GetFullPath(baseFolder).TrimEnd(Path.DirectorySeparatorChar) || full == Path.GetFullPath(adapterFolder).TrimEnd(Path.DirectorySeparatorChar))
        {
            throw new G2rlException($"--out {outFolder} must differ from the model and the adapter folder");
        }
        var config = PeftAdapterConfig.Read(adapterFolder);
        var adapter = PeftAdapter.Open(adapterFolder);
        var modules = Modules(adapter);
        var weights = WeightSource.Open(baseFolder);
        foreach (var module in modules.Where(m => !weights.Names.Contains(m + ".weight")))
        {
            throw new G2rlException($"{adapter.Path}: adapter for '{module}', but {baseFolder} has no tensor '{module}.weight'");
        }
        var parent = Path.GetDirectoryName(full) ?? ".";
        Directory.CreateDirectory(parent);
        var temp = Path.Combine(parent, $".{Path.GetFileName(full)}.tmp-{Guid.NewGuid():N}");
        Directory.CreateDirectory(temp);
        try
        {
            using (var scope = NewDisposeScope())
            {
                var tensors = weights.Names.Order(StringComparer.Ordinal)
                    .Select(name => (name, MergedOrSame(name, weights, adapter, modules, config)))
                    .ToList();
                ShardedWriter.Write(temp, tensors, maxShardBytes);
            }
            CopyOtherFiles(baseFolder, temp);
            AtomicFolder.Replace(temp, full);
        }
        catch
        {
            if (Directory.Exists(temp))
            {
                Directory.Delete(temp, recursive: true);
            }
            throw;
        }
        return modules.Count;
    }

    /// <summary>Adapted module paths of an adapter file; every key must be a lora_A or lora_B weight and come in pairs.</summary>
    private static HashSet<string> Modules(SafetensorsFile adapter)
    {
        var modules = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in adapter.Tensors.Keys)
        {
            var isLora = key.StartsWith(PeftAdapter.KeyPrefix, StringComparison.Ordinal)
                && (key.EndsWith(".lora_A.weight", StringComparison.Ordinal) || key.EndsWith(".lora_B.weight", StringComparison.Ordinal));
            if (!isLora)
            {
                throw new G2rlException($"{adapter.Path}: unexpected tensor '{key}' (expected {PeftAdapter.KeyPrefix}<module>.lora_A.weight / lora_B.weight)");
            }
            modules.Add(key[PeftAdapter.KeyPrefix.Length..^".lora_A.weight".Length]);
        }
        return modules;
    }

    private static Tensor MergedOrSame(string name, WeightSource weights, SafetensorsFile adapter, HashSet<string> modules, PeftAdapterConfig config)
    {
        var w = weights.Read(name);
        var module = name.EndsWith(".weight", StringComparison.Ordinal) ? name[..^".weight".Length] : null;
        if (module is null || !modules.Contains(module))
        {
            return w;
        }
        var a = PeftAdapter.Read(adapter, PeftAdapter.Key(module, 'A'), [config.Rank, w.shape[1]]);
        var b = PeftAdapter.Read(adapter, PeftAdapter.Key(module, 'B'), [w.shape[0], config.Rank]);
        return LoraAdapter.Merge(w, a, b, config.Scaling);
    }

    private static void CopyOtherFiles(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from))
        {
            var name = Path.GetFileName(file);
            if (!name.EndsWith(".safetensors", StringComparison.Ordinal) && name != "model.safetensors.index.json")
            {
                File.Copy(file, Path.Combine(to, name), overwrite: true);
            }
        }
    }
}
