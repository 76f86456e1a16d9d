using static TorchSharp.torch;

namespace G2rl.Checkpoints;

/// <summary>One tensor's entry in a safetensors header: dtype, shape and byte range [Begin, End) after the header.</summary>
public sealed record SafetensorsTensorInfo(string Name, ScalarType DType, long[] Shape, long Begin, long End)
{
    /// <summary>Number of elements.</summary>
    public long Elements => Shape.Aggregate(1L, (a, b) => a * b);
}
