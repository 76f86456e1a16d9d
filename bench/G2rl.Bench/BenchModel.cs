using G2rl.Model;

namespace G2rl.Bench;

/// <summary>A model built for a benchmark, with how it was made.</summary>
internal sealed record BenchModel(ModelShape Shape, Qwen3ForCausalLM Model, string Origin) : IDisposable
{
    /// <summary>Parameter count from the config (tied head counted once).</summary>
    public long Parameters => Model.Config.ParameterCount();

    public void Dispose() => Model.Dispose();
}
