using System.Text.Json.Nodes;
using G2rl.Model;
using G2rl.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace G2rl.Checkpoints;

/// <summary>
/// Loads and saves Hugging Face model folders (config.json, generation_config.json, safetensors weights,
/// tokenizer files) so that a folder saved here reloads here and in transformers.
/// </summary>
public static class HfCheckpoint
{
    /// <summary>Tokenizer and related files copied along when re-saving a model loaded from a folder.</summary>
    public static readonly IReadOnlyList<string> TokenizerFiles =
        ["tokenizer.json", "tokenizer_config.json", "special_tokens_map.json", "vocab.json", "merges.txt", "added_tokens.json", "chat_template.jinja"];

    /// <summary>Keys some checkpoints carry that are not parameters and are ignored on load.</summary>
    private static bool IsIgnorableExtra(string name, Qwen3Config config) =>
        name.EndsWith("rotary_emb.inv_freq", StringComparison.Ordinal) || (config.TieWordEmbeddings && name == "lm_head.weight");

    /// <summary>Builds a model from <paramref name="folder"/> in <paramref name="dtype"/> on <paramref name="device"/>, loading strictly.</summary>
    public static Qwen3ForCausalLM Load(string folder, Device device, ScalarType dtype)
    {
        if (!Directory.Exists(folder))
        {
            throw new G2rlException($"model folder not found: {folder}");
        }
        var config = Qwen3Config.Load(Path.Combine(folder, "config.json"));
        config = config with { EosTokenIds = [.. config.EosTokenIds.Union(GenerationConfigFile.EosTokenIds(folder))] };
        var source = WeightSource.Open(folder);
        CheckShapesBeforeAllocating(config, source);
        var model = new Qwen3ForCausalLM(config, dtype, device);
        try
        {
            LoadWeights(model, source);
            // transformers casts its RoPE inv_freq buffer with the weights of a half-precision checkpoint.
            var stored = source.Info("model.embed_tokens.weight").DType;
            model.Backbone.RopeFrequencyDType = stored is ScalarType.BFloat16 or ScalarType.Float16 ? stored : ScalarType.Float32;
        }
        catch
        {
            model.Dispose();
            throw;
        }
        return model;
    }

    /// <summary>
    /// The config's sizes against the stored shapes of the embedding and the last layer, before the model is allocated:
    /// a mistyped config.json (hidden_size 99999…) is an error naming the field, not a terabyte allocation.
    /// </summary>
    private static void CheckShapesBeforeAllocating(Qwen3Config c, WeightSource source)
    {
        var last = $"model.layers.{c.NumHiddenLayers - 1}.";
        Expect("model.embed_tokens.weight", [c.VocabSize, c.HiddenSize], "vocab_size, hidden_size");
        Expect(last + "mlp.up_proj.weight", [c.IntermediateSize, c.HiddenSize], "num_hidden_layers, intermediate_size");
        Expect(last + "self_attn.q_proj.weight", [(long)c.NumAttentionHeads * c.HeadDim, c.HiddenSize], "num_attention_heads × head_dim");
        Expect(last + "self_attn.k_proj.weight", [(long)c.NumKeyValueHeads * c.HeadDim, c.HiddenSize], "num_key_value_heads × head_dim");
        if (source.Names.Contains($"model.layers.{c.NumHiddenLayers}.mlp.up_proj.weight"))
        {
            throw new G2rlException($"{source.Folder}/config.json: num_hidden_layers is {c.NumHiddenLayers} but the weights have more layers");
        }

        void Expect(string name, long[] shape, string fields)
        {
            if (!source.Names.Contains(name))
            {
                throw new G2rlException($"{source.Folder}: tensor '{name}' is missing (config.json {fields} do not match the weights?)");
            }
            var stored = source.Info(name).Shape;
            if (!stored.SequenceEqual(shape))
            {
                throw new G2rlException($"{source.Folder}/config.json: {fields} give {name} shape [{string.Join(", ", shape)}], the weights have [{string.Join(", ", stored)}]");
            }
        }
    }

    /// <summary>Copies every parameter from <paramref name="source"/>; missing, extra or misshapen tensors are errors naming tensor and file.</summary>
    public static void LoadWeights(Qwen3ForCausalLM model, WeightSource source)
    {
        var parameters = model.named_parameters().ToDictionary(p => p.name, p => p.parameter, StringComparer.Ordinal);
        var missing = parameters.Keys.Where(k => !source.Names.Contains(k)).Order(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            throw new G2rlException($"{source.Folder}: checkpoint is missing {missing.Count} tensor(s): {string.Join(", ", missing.Take(10))}");
        }
        var extra = source.Names.Where(n => !parameters.ContainsKey(n) && !IsIgnorableExtra(n, model.Config)).Order(StringComparer.Ordinal).ToList();
        if (extra.Count > 0)
        {
            throw new G2rlException($"{source.Folder}: checkpoint has {extra.Count} unexpected tensor(s) (in {Path.GetFileName(source.FileOf(extra[0]))}): {string.Join(", ", extra.Take(10))}");
        }
        using var noGrad = torch.no_grad();
        foreach (var (name, parameter) in parameters)
        {
            var info = source.Info(name);
            if (!info.Shape.SequenceEqual(parameter.shape))
            {
                throw new G2rlException($"{source.FileOf(name)}: tensor '{name}' has shape [{string.Join(", ", info.Shape)}], the model expects [{string.Join(", ", parameter.shape)}]");
            }
            using var scope = NewDisposeScope();
            var loaded = source.Read(name);
            parameter.copy_(loaded.to(parameter.dtype).to(parameter.device));
        }
    }

    /// <summary>
    /// Saves <paramref name="model"/> as an HF folder at <paramref name="folder"/>, atomically: everything is written
    /// into a temporary sibling folder that then replaces the target, so an interrupted save leaves the old one.
    /// </summary>
    public static void Save(Qwen3ForCausalLM model, string folder, HfSaveOptions? options = null)
    {
        options ??= new HfSaveOptions();
        var full = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(full) ?? ".";
        Directory.CreateDirectory(parent);
        var temp = Path.Combine(parent, $".{Path.GetFileName(full)}.tmp-{Guid.NewGuid():N}");
        Directory.CreateDirectory(temp);
        try
        {
            WriteFolder(model, temp, options);
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
    }

    private static void WriteFolder(Qwen3ForCausalLM model, string dir, HfSaveOptions options)
    {
        var dtype = options.DType ?? model.DType;
        var dtypeName = DTypes.Name(dtype);
        File.WriteAllText(Path.Combine(dir, "config.json"), model.Config.ToJson(dtypeName).ToJsonString(new() { WriteIndented = true }));
        File.WriteAllText(Path.Combine(dir, "generation_config.json"), GenerationConfig(model.Config).ToJsonString(new() { WriteIndented = true }));
        using (var scope = NewDisposeScope())
        {
            var tensors = model.named_parameters()
                .Select(p => (p.name, (Tensor)(p.parameter.dtype == dtype ? p.parameter : p.parameter.detach().to(dtype))))
                .OrderBy(p => p.name, StringComparer.Ordinal)
                .ToList();
            ShardedWriter.Write(dir, tensors, options.MaxShardBytes);
        }
        if (options.CopyFilesFrom is { } from)
        {
            foreach (var file in TokenizerFiles)
            {
                var src = Path.Combine(from, file);
                if (File.Exists(src))
                {
                    File.Copy(src, Path.Combine(dir, file), overwrite: true);
                }
            }
        }
        options.WriteExtraFiles?.Invoke(dir);
    }

    private static JsonObject GenerationConfig(Qwen3Config c)
    {
        var o = new JsonObject();
        if (c.BosTokenId is int bos)
        {
            o["bos_token_id"] = bos;
        }
        if (c.EosTokenIds.Count > 0)
        {
            o["eos_token_id"] = c.EosTokenIds.Count == 1 ? c.EosTokenIds[0] : new JsonArray(c.EosTokenIds.Select(e => (JsonNode?)e).ToArray());
        }
        if (c.PadTokenId is int pad)
        {
            o["pad_token_id"] = pad;
        }
        return o;
    }
}
