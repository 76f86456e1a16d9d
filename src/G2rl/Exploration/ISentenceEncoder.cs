namespace G2rl.Exploration;

/// <summary>
/// Maps texts to fixed-size, L2-normalised embeddings (the external embedding of the EVOL-RL baseline and of the
/// semantic-space geometry, method notes §6–§7). The cosine of two embeddings is their dot product.
/// </summary>
public interface ISentenceEncoder
{
    /// <summary>Length of every embedding.</summary>
    int Dimension { get; }

    /// <summary>Short model name for reports, e.g. "all-MiniLM-L6-v2".</summary>
    string Name { get; }

    /// <summary>One unit-norm embedding of length <see cref="Dimension"/> per text, in input order; an empty list gives an empty array.</summary>
    float[][] Encode(IReadOnlyList<string> texts);
}
