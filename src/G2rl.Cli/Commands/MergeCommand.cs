using System.CommandLine;
using G2rl.Checkpoints;
using G2rl.Runtime;

namespace G2rl.Cli;

/// <summary><c>g2rl merge</c>: folds a PEFT LoRA adapter (e.g. a LoRA run's checkpoint) into its base model, writing a plain HF folder.</summary>
internal static class MergeCommand
{
    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "Base Hugging Face model folder the adapter was trained on", Required = true };
        var adapter = new Option<string>("--adapter") { Description = "Adapter folder: adapter_config.json + adapter_model.safetensors (a LoRA run's checkpoints/step-N)", Required = true };
        var output = new Option<string>("--out") { Description = "Output HF folder (replaced atomically if it exists)", Required = true };
        var command = new Command("merge", "Write base + (alpha/r)·B·A as a merged HF model folder (float32 sum, cast to each weight's stored dtype).")
        {
            model, adapter, output,
        };
        command.SetAction(parse =>
        {
            var outDir = parse.GetValue(output)!;
            TorchRuntime.Initialize(DeviceKind.Cpu);
            var merged = PeftMerge.Merge(parse.GetValue(model)!, parse.GetValue(adapter)!, outDir);
            Console.WriteLine($"merged {merged} adapted weights into {outDir}");
            return 0;
        });
        return command;
    }
}
