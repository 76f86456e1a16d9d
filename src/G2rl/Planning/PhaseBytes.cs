namespace G2rl.Planning;

/// <summary>Named byte terms of one phase and their sum.</summary>
public sealed record PhaseBytes(IReadOnlyList<KeyValuePair<string, long>> Terms)
{
    /// <summary>Sum of the terms.</summary>
    public long Total => Terms.Sum(t => t.Value);

    /// <summary>The term called <paramref name="name"/> (0 when absent).</summary>
    public long this[string name] => Terms.FirstOrDefault(t => t.Key == name).Value;

    /// <summary>Builds a phase from (name, bytes) pairs in order.</summary>
    public static PhaseBytes Of(params (string Name, long Bytes)[] terms) =>
        new(terms.Select(t => new KeyValuePair<string, long>(t.Name, t.Bytes)).ToList());
}
