using G2rl.Checkpoints;
using G2rl.Model;
using static TorchSharp.torch;

namespace G2rl.Bench;

/// <summary>Builds the model of a <see cref="ModelShape"/> on a device and dtype.</summary>
internal static class ModelFactory
{
    /// <summary>Loads the fixture or allocates and randomly initialises (Qwen3Init, N(0, 0.02²)) the shape.</summary>
    public static BenchModel Create(ModelShape shape, Device device, ScalarType dtype, long seed)
    {
        if (shape.FixtureFolder is { } fixture)
        {
            var dir = Path.Combine(AppContext.BaseDirectory, "fixtures", fixture);
            return new BenchModel(shape, HfCheckpoint.Load(dir, device, dtype), $"checkpoint {fixture}");
        }
        var config = shape.RandomConfig ?? throw new InvalidOperationException($"shape {shape.Name} has neither fixture nor config");
        var model = new Qwen3ForCausalLM(config, dtype, device);
        Qwen3Init.Initialize(model, seed);
        return new BenchModel(shape, model, $"random (Qwen3Init, seed {seed})");
    }
}
