using System.Text.Json;
using System.Text.Json.Nodes;
using G2rl.Model;

namespace G2rl.Checkpoints;

/// <summary>The fields of a checkpoint's generation_config.json that the project uses.</summary>
public static class GenerationConfigFile
{
    /// <summary>
    /// <c>eos_token_id</c> (an int or a list) of <paramref name="folder"/>/generation_config.json; empty when the file or the field
    /// is absent. Instruct checkpoints list their end-of-turn token there (Qwen3: [151645, 151643]) while config.json names one id.
    /// </summary>
    public static IReadOnlyList<int> EosTokenIds(string folder)
    {
        var path = Path.Combine(folder, "generation_config.json");
        if (!File.Exists(path))
        {
            return [];
        }
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(File.ReadAllText(path));
        }
        catch (JsonException ex)
        {
            throw new G2rlException($"{path}: malformed JSON: {ex.Message}", ex);
        }
        return node is JsonObject o
            ? new ConfigFieldReader(o, path).IntOrIntList("eos_token_id")
            : throw new G2rlException($"{path}: expected a JSON object");
    }
}
