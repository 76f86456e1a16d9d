namespace G2rl.Runtime;

/// <summary>Where tensors live.</summary>
public enum DeviceKind
{
    /// <summary>CPU, with libtorch from the libtorch-cpu-linux-x64 NuGet package.</summary>
    Cpu,

    /// <summary>CUDA GPU, with libtorch from a PyTorch install (G2RL_LIBTORCH or discovered via python3).</summary>
    Cuda,
}
