using TorchSharp;
using static TorchSharp.torch;

namespace G2rl.Bench;

/// <summary>Deterministic random prompts of equal length (no padding), avoiding the first three ids (pad/bos/eos in the fixtures).</summary>
internal static class PromptFactory
{
    public static IReadOnlyList<IReadOnlyList<int>> Random(int count, int length, int vocab, long seed)
    {
        var rng = new Random(unchecked((int)seed));
        var low = Math.Min(3, vocab - 1);
        return [.. Enumerable.Range(0, count).Select(_ => (IReadOnlyList<int>)[.. Enumerable.Range(0, length).Select(_ => rng.Next(low, vocab))])];
    }

    /// <summary>ids [B, T] int64 and an all-ones attention mask, on the CPU.</summary>
    public static (Tensor Ids, Tensor Mask) ToTensors(IReadOnlyList<IReadOnlyList<int>> prompts)
    {
        var b = prompts.Count;
        var t = prompts[0].Count;
        var ids = prompts.SelectMany(p => p.Select(x => (long)x)).ToArray();
        return (torch.tensor(ids, [b, t]), torch.ones([b, t], ScalarType.Int64));
    }
}
