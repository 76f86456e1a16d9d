using TorchSharp;
using static TorchSharp.torch;

namespace G2rl.Runtime;

/// <summary>Parsing and naming of the model dtypes a user can choose: float32, bfloat16, float16.</summary>
public static class DTypes
{
    /// <summary>Parses "float32"/"fp32", "bfloat16"/"bf16", "float16"/"fp16"/"half"; other names are an error listing the choices.</summary>
    public static ScalarType Parse(string name) => name.Trim().ToLowerInvariant() switch
    {
        "float32" or "fp32" or "float" => ScalarType.Float32,
        "bfloat16" or "bf16" => ScalarType.BFloat16,
        "float16" or "fp16" or "half" => ScalarType.Float16,
        _ => throw new G2rlException($"unknown dtype '{name}': choose float32, bfloat16 or float16"),
    };

    /// <summary>The transformers name of a dtype ("float32", "bfloat16", "float16").</summary>
    public static string Name(ScalarType type) => type switch
    {
        ScalarType.Float32 => "float32",
        ScalarType.BFloat16 => "bfloat16",
        ScalarType.Float16 => "float16",
        ScalarType.Float64 => "float64",
        _ => type.ToString().ToLowerInvariant(),
    };
}
