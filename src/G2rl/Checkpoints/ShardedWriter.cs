using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace G2rl.Checkpoints;

/// <summary>Writes weights as model.safetensors, or as model-0000k-of-0000n.safetensors shards plus an index when larger than the shard limit.</summary>
internal static class ShardedWriter
{
    public static void Write(string dir, IReadOnlyList<(string Name, Tensor Tensor)> tensors, long maxShardBytes)
    {
        var shards = new List<List<(string, Tensor)>> { new() };
        long current = 0, total = 0;
        foreach (var (name, tensor) in tensors)
        {
            var bytes = tensor.NumberOfElements * SafetensorsDType.ElementSize(tensor.dtype);
            if (current > 0 && current + bytes > maxShardBytes)
            {
                shards.Add([]);
                current = 0;
            }
            shards[^1].Add((name, tensor));
            current += bytes;
            total += bytes;
        }
        if (shards.Count == 1)
        {
            SafetensorsWriter.Write(Path.Combine(dir, "model.safetensors"), shards[0]);
            return;
        }
        var map = new JsonObject();
        for (var i = 0; i < shards.Count; i++)
        {
            var file = $"model-{i + 1:D5}-of-{shards.Count:D5}.safetensors";
            SafetensorsWriter.Write(Path.Combine(dir, file), shards[i]);
            foreach (var (name, _) in shards[i])
            {
                map[name] = file;
            }
        }
        var index = new JsonObject { ["metadata"] = new JsonObject { ["total_size"] = total }, ["weight_map"] = map };
        File.WriteAllText(Path.Combine(dir, "model.safetensors.index.json"), index.ToJsonString(new() { WriteIndented = true }));
    }
}
