using static TorchSharp.torch;

namespace G2rl.Checkpoints;

/// <summary>Options of <see cref="HfCheckpoint.Save"/>.</summary>
public sealed record HfSaveOptions
{
    /// <summary>Dtype of the stored weights; null keeps the model's.</summary>
    public ScalarType? DType { get; init; }

    /// <summary>Shard size limit in bytes (transformers' default is 5 GB); a model below it is one model.safetensors.</summary>
    public long MaxShardBytes { get; init; } = 5_000_000_000;

    /// <summary>A folder whose tokenizer files (tokenizer.json, tokenizer_config.json, …) are copied along.</summary>
    public string? CopyFilesFrom { get; init; }

    /// <summary>Called with the (temporary) folder to write further files, e.g. a tokenizer.</summary>
    public Action<string>? WriteExtraFiles { get; init; }
}
