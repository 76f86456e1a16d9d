namespace G2rl.Runtime;

/// <summary>Free and total memory of one CUDA device in bytes (cudaMemGetInfo), device-wide: every process and the CUDA context count as used.</summary>
public readonly record struct CudaMemoryInfo(long FreeBytes, long TotalBytes)
{
    /// <summary>total − free.</summary>
    public long UsedBytes => TotalBytes - FreeBytes;
}
