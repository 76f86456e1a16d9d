using System.Globalization;
using System.Text.Json;
using G2rl.Checkpoints;
using G2rl.Model;
using G2rl.Runtime;
using G2rl.Tokenization;
using G2rl.Training.Config;
using TorchSharp;

namespace G2rl.Training;

/// <summary>
/// Run checkpoints: &lt;run&gt;/checkpoints/step-NNNNNN/ with model/ (an HF folder loadable by transformers and g2rl eval)
/// or, with model.lora, adapter_config.json + adapter_model.safetensors (a PEFT adapter), optimizer.safetensors (AdamW state: moments,
/// and float32 master weights of a bf16/fp16 model) and trainer_state.json. Each is written in a temporary folder and renamed into
/// place, so a crash mid-write leaves the previous checkpoint intact; the last K are kept.
/// </summary>
public sealed class Checkpointer(string runDirectory, int keepLast)
{
    private const string Prefix = "step-";

    /// <summary>&lt;run&gt;/checkpoints.</summary>
    public string Directory => Path.Combine(runDirectory, "checkpoints");

    /// <summary>Writes a checkpoint of <paramref name="state"/> and prunes old ones; returns its folder.</summary>
    public string Save(Qwen3ForCausalLM policy, AdamW optimizer, ITextTokenizer tokenizer, TrainerState state, Action<string>? beforeCommit = null)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var final = Path.Combine(Directory, Prefix + state.Step.ToString("D6", CultureInfo.InvariantCulture));
        var temp = Path.Combine(Directory, $".{Prefix}{state.Step:D6}.tmp-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(temp);
        try
        {
            SaveWeights(policy, tokenizer, temp);
            SafetensorsWriter.Write(Path.Combine(temp, "optimizer.safetensors"), optimizer.StateTensors());
            File.WriteAllText(Path.Combine(temp, "trainer_state.json"), JsonSerializer.Serialize(state, ConfigLoader.Options));
            beforeCommit?.Invoke(temp);
            AtomicFolder.Replace(temp, final);
        }
        catch
        {
            if (System.IO.Directory.Exists(temp))
            {
                System.IO.Directory.Delete(temp, recursive: true);
            }
            throw;
        }
        Prune();
        return final;
    }

    /// <summary>The newest complete checkpoint folder, or null.</summary>
    public string? Latest()
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return null;
        }
        return System.IO.Directory.GetDirectories(Directory, Prefix + "*")
            .Where(d => File.Exists(Path.Combine(d, "trainer_state.json")))
            .OrderBy(d => d, StringComparer.Ordinal)
            .LastOrDefault();
    }

    /// <summary>
    /// Loads weights and optimizer state of <paramref name="folder"/> into the live objects (the optimizer state last: it
    /// refreshes low-precision weights from their float32 masters); returns the trainer state.
    /// </summary>
    public static TrainerState Restore(string folder, Qwen3ForCausalLM policy, AdamW optimizer)
    {
        var statePath = Path.Combine(folder, "trainer_state.json");
        if (!File.Exists(statePath))
        {
            throw new G2rlException($"{folder} is not a complete checkpoint (no trainer_state.json)");
        }
        var state = ReadState(statePath);
        RestoreWeights(policy, folder);
        policy.Backbone.RopeFrequencyDType = DTypes.Parse(state.RopeFrequencyDtype);
        var moments = SafetensorsFile.Open(Path.Combine(folder, "optimizer.safetensors"));
        optimizer.LoadState(name => moments.Tensors.ContainsKey(name)
            ? moments.Read(name)
            : throw new G2rlException($"{moments.Path}: missing optimizer tensor '{name}' (was the checkpoint made for another model?)"), state.OptimizerSteps);
        return state;
    }

    /// <summary>Full fine-tuning: the HF folder model/. LoRA: adapter_config.json + adapter_model.safetensors at the top (PEFT's layout, as TRL's checkpoints).</summary>
    private static void SaveWeights(Qwen3ForCausalLM policy, ITextTokenizer tokenizer, string folder)
    {
        if (policy.Adapters is { } lora)
        {
            PeftAdapter.Save(lora, folder);
            return;
        }
        HfCheckpoint.Save(policy, Path.Combine(folder, "model"), new HfSaveOptions { WriteExtraFiles = tokenizer.Save });
    }

    private static void RestoreWeights(Qwen3ForCausalLM policy, string folder)
    {
        var hasAdapter = File.Exists(Path.Combine(folder, PeftAdapterConfig.FileName));
        if (policy.Adapters is { } lora)
        {
            if (!hasAdapter)
            {
                throw new G2rlException($"{folder}: the config has model.lora but the checkpoint holds no adapter (was it made by a full fine-tuning run?)");
            }
            PeftAdapter.Load(lora, folder);
            return;
        }
        if (hasAdapter)
        {
            throw new G2rlException($"{folder}: the checkpoint holds a LoRA adapter; resume it with the run's model.lora config");
        }
        HfCheckpoint.LoadWeights(policy, WeightSource.Open(Path.Combine(folder, "model")));
    }

    /// <summary>trainer_state.json; a malformed file or field is one error naming both.</summary>
    private static TrainerState ReadState(string statePath)
    {
        try
        {
            return JsonSerializer.Deserialize<TrainerState>(File.ReadAllText(statePath), ConfigLoader.Options)
                ?? throw new G2rlException($"{statePath}: empty trainer state");
        }
        catch (JsonException ex)
        {
            var field = ex.Path is { Length: > 1 } p ? $" at '{p.TrimStart('$', '.')}'" : "";
            throw new G2rlException($"{statePath}: malformed trainer state{field}: {ex.Message.Split(" Path: ", 2)[0]}", ex);
        }
    }

    private void Prune()
    {
        var all = System.IO.Directory.GetDirectories(Directory, Prefix + "*").OrderBy(d => d, StringComparer.Ordinal).ToList();
        foreach (var old in all.Take(Math.Max(0, all.Count - keepLast)))
        {
            System.IO.Directory.Delete(old, recursive: true);
        }
    }
}
