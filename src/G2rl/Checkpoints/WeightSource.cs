using System.Text.Json;
using static TorchSharp.torch;

namespace G2rl.Checkpoints;

/// <summary>
/// The weights of an HF model folder: a single model.safetensors, or shards listed by
/// model.safetensors.index.json. Maps each tensor name to its file.
/// </summary>
public sealed class WeightSource
{
    private readonly Dictionary<string, SafetensorsFile> byName;

    private WeightSource(string folder, Dictionary<string, SafetensorsFile> byName)
    {
        Folder = folder;
        this.byName = byName;
    }

    /// <summary>The model folder.</summary>
    public string Folder { get; }

    /// <summary>All tensor names.</summary>
    public IReadOnlyCollection<string> Names => byName.Keys;

    /// <summary>Header entry of a tensor.</summary>
    public SafetensorsTensorInfo Info(string name) => byName[name].Tensors[name];

    /// <summary>The file holding a tensor.</summary>
    public string FileOf(string name) => byName[name].Path;

    /// <summary>Reads one tensor to the CPU in its stored dtype.</summary>
    public Tensor Read(string name) => byName[name].Read(name);

    /// <summary>Opens the weights of <paramref name="folder"/>; errors name the missing or inconsistent file.</summary>
    public static WeightSource Open(string folder)
    {
        var index = Path.Combine(folder, "model.safetensors.index.json");
        var single = Path.Combine(folder, "model.safetensors");
        var map = new Dictionary<string, SafetensorsFile>(StringComparer.Ordinal);
        if (File.Exists(index))
        {
            foreach (var (name, file) in ReadIndex(index))
            {
                var shard = OpenShard(folder, file, index, map);
                if (!shard.Tensors.ContainsKey(name))
                {
                    throw new G2rlException($"{index}: tensor '{name}' is mapped to {file}, which does not contain it");
                }
                map[name] = shard;
            }
        }
        else if (File.Exists(single))
        {
            var file = SafetensorsFile.Open(single);
            foreach (var name in file.Tensors.Keys)
            {
                map[name] = file;
            }
        }
        else
        {
            throw new G2rlException($"no weights in {folder}: expected model.safetensors or model.safetensors.index.json");
        }
        return new WeightSource(folder, map);
    }

    private static SafetensorsFile OpenShard(string folder, string file, string index, Dictionary<string, SafetensorsFile> opened)
    {
        var existing = opened.Values.FirstOrDefault(f => Path.GetFileName(f.Path) == file);
        if (existing is not null)
        {
            return existing;
        }
        var path = Path.Combine(folder, file);
        if (!File.Exists(path))
        {
            throw new G2rlException($"{index} lists shard {file}, which is missing from {folder}");
        }
        return SafetensorsFile.Open(path);
    }

    private static IEnumerable<(string Name, string File)> ReadIndex(string index)
    {
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(index));
            if (doc.RootElement.ValueKind != JsonValueKind.Object || !doc.RootElement.TryGetProperty("weight_map", out var weightMap))
            {
                throw new G2rlException($"{index}: missing 'weight_map'");
            }
            if (weightMap.ValueKind != JsonValueKind.Object)
            {
                throw new G2rlException($"{index}: 'weight_map' must be an object of tensor name → shard file");
            }
            return weightMap.EnumerateObject().Select(p => p.Value.ValueKind == JsonValueKind.String && IsPlainFileName(p.Value.GetString()!)
                ? (p.Name, p.Value.GetString()!)
                : throw new G2rlException($"{index}: 'weight_map.{p.Name}' must be a shard file name in the model folder")).ToList();
        }
        catch (JsonException ex)
        {
            throw new G2rlException($"{index}: malformed JSON: {ex.Message}", ex);
        }
    }

    private static bool IsPlainFileName(string name) =>
        name.Length > 0 && name == Path.GetFileName(name) && name.IndexOfAny(Path.GetInvalidFileNameChars()) < 0 && name is not ("." or "..");
}
