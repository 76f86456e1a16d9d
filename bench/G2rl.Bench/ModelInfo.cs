namespace G2rl.Bench;

/// <summary>A benchmarked model's name, shape, parameter count and origin, as written to the results.</summary>
internal sealed record ModelInfo(string Name, string Shape, long Parameters, string Origin, double BuildSeconds)
{
    public static ModelInfo Of(BenchModel m, double buildSeconds) =>
        new(m.Shape.Name, m.Model.Config.ToString(), m.Parameters, $"{m.Shape.Description}; {m.Origin}", buildSeconds);
}
