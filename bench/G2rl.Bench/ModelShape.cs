using G2rl.Model;

namespace G2rl.Bench;

/// <summary>A benchmark model: either a fixture checkpoint folder (under the app's fixtures/) or a random-initialised shape.</summary>
internal sealed record ModelShape(string Name, string Description, Qwen3Config? RandomConfig, string? FixtureFolder);
