namespace G2rl.Training;

/// <summary>
/// Which training problems a step uses: epoch e is a seeded permutation of all problems, and step s takes the next
/// prompts_per_step of the concatenated epochs. A pure function of (seed, step), so resuming needs no stored position.
/// </summary>
public sealed class DataOrder(int problemCount, int promptsPerStep, long seed)
{
    private readonly Dictionary<long, int[]> permutations = [];

    /// <summary>Problem indices of 0-based step <paramref name="step"/>.</summary>
    public int[] ForStep(long step)
    {
        var result = new int[promptsPerStep];
        for (var i = 0; i < promptsPerStep; i++)
        {
            var k = (step * promptsPerStep) + i;
            result[i] = Permutation(k / problemCount)[(int)(k % problemCount)];
        }
        return result;
    }

    /// <summary>Epoch and position within it of the first prompt of <paramref name="step"/> (recorded in checkpoints for information).</summary>
    public (long Epoch, long Position) PositionOf(long step) => (step * promptsPerStep / problemCount, step * promptsPerStep % problemCount);

    private int[] Permutation(long epoch)
    {
        if (!permutations.TryGetValue(epoch, out var perm))
        {
            perm = Enumerable.Range(0, problemCount).ToArray();
            new Random(unchecked((int)Seeds.Derive(seed, "data-order", epoch))).Shuffle(perm);
            if (permutations.Count > 4)
            {
                permutations.Clear();
            }
            permutations[epoch] = perm;
        }
        return perm;
    }
}
