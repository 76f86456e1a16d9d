using System.CommandLine;
using G2rl.Checkpoints;
using G2rl.Model;
using G2rl.Runtime;
using G2rl.Tokenization;

namespace G2rl.Cli;

/// <summary>The --model / --device / --dtype options shared by commands that run a model, and loading from them.</summary>
internal sealed class ModelArguments
{
    public Option<string> Model { get; } = new("--model") { Description = "Hugging Face model folder (config.json, safetensors, tokenizer.json)", Required = true };

    public Option<string> Device { get; } = new("--device") { Description = "cpu, cuda or cuda:N (CUDA uses the libtorch of a PyTorch install: G2RL_LIBTORCH or python3 -c 'import torch')", DefaultValueFactory = _ => "cpu" };

    public Option<string> DType { get; } = new("--dtype") { Description = "float32, bfloat16 or float16", DefaultValueFactory = _ => "float32" };

    public void AddTo(Command command)
    {
        command.Options.Add(Model);
        command.Options.Add(Device);
        command.Options.Add(DType);
    }

    /// <summary>Loads the model named by the parsed options.</summary>
    public Qwen3ForCausalLM Load(ParseResult parse)
    {
        var device = ComputeDevice.Resolve(parse.GetValue(Device)!);
        var dtype = DTypes.Parse(parse.GetValue(DType)!);
        return HfCheckpoint.Load(parse.GetValue(Model)!, device, dtype);
    }

    /// <summary>The model folder's tokenizer, or null when it has none.</summary>
    public ITextTokenizer? LoadTokenizer(ParseResult parse)
    {
        var dir = parse.GetValue(Model)!;
        return File.Exists(Path.Combine(dir, "tokenizer.json")) ? TokenizerLoader.Load(dir) : null;
    }
}
