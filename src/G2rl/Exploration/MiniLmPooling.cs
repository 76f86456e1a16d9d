namespace G2rl.Exploration;

/// <summary>Mean pooling over the unmasked positions of one sequence, then L2 normalisation (sentence-transformers' recipe).</summary>
internal static class MiniLmPooling
{
    /// <summary>Smallest norm divided by, as in torch.nn.functional.normalize.</summary>
    public const double NormEpsilon = 1e-12;

    /// <param name="hidden">The sequence's hidden states, <paramref name="length"/> rows of <paramref name="dimension"/>.</param>
    /// <param name="length">Padded sequence length.</param>
    /// <param name="dimension">Hidden size.</param>
    /// <param name="used">How many leading positions are real tokens (the rest is padding).</param>
    public static float[] MeanNormalized(ReadOnlySpan<float> hidden, int length, int dimension, int used)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(used, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(used, length);
        if (hidden.Length != length * dimension)
        {
            throw new ArgumentException($"expected {length}×{dimension} hidden values, got {hidden.Length}", nameof(hidden));
        }

        var sum = new double[dimension];
        for (var t = 0; t < used; t++)
        {
            var row = hidden.Slice(t * dimension, dimension);
            for (var d = 0; d < dimension; d++)
            {
                sum[d] += row[d];
            }
        }

        double squares = 0;
        for (var d = 0; d < dimension; d++)
        {
            sum[d] /= used;
            squares += sum[d] * sum[d];
        }

        var norm = Math.Max(Math.Sqrt(squares), NormEpsilon);
        var result = new float[dimension];
        for (var d = 0; d < dimension; d++)
        {
            result[d] = (float)(sum[d] / norm);
        }
        return result;
    }
}
