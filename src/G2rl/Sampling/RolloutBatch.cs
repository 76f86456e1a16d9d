using TorchSharp;
using static TorchSharp.torch;

namespace G2rl.Sampling;

/// <summary>
/// A step's rollouts as padded tensors: row = left-padded prompt (width Tp) then right-padded response (width Tr).
/// Target position t scores ids[t+1]; the target mask selects the response tokens. Owns its tensors.
/// </summary>
public sealed class RolloutBatch : IDisposable
{
    private RolloutBatch(IReadOnlyList<SampledSequence> samples, Tensor ids, Tensor attention, Tensor targets, int promptWidth)
    {
        Samples = samples;
        InputIds = ids;
        AttentionMask = attention;
        TargetMask = targets;
        PromptWidth = promptWidth;
    }

    /// <summary>The sampled sequences, in row order.</summary>
    public IReadOnlyList<SampledSequence> Samples { get; }

    /// <summary>[N, T] int64.</summary>
    public Tensor InputIds { get; }

    /// <summary>[N, T] int64, 1 for real tokens (prompt and response).</summary>
    public Tensor AttentionMask { get; }

    /// <summary>[N, T−1] float32, 1 where target t+1 is a response token.</summary>
    public Tensor TargetMask { get; }

    /// <summary>Tp: columns of the (left-padded) prompt block.</summary>
    public int PromptWidth { get; }

    /// <summary>N rows.</summary>
    public int Rows => Samples.Count;

    /// <summary>Response tokens per row.</summary>
    public IEnumerable<int> ResponseLengths => Samples.Select(s => s.ResponseIds.Count);

    /// <summary>Builds the padded tensors on <paramref name="device"/>; <paramref name="padId"/> fills padding.</summary>
    public static RolloutBatch Build(IReadOnlyList<SampledSequence> samples, int padId, Device device)
    {
        var tp = samples.Max(s => s.PromptIds.Count);
        var tr = Math.Max(1, samples.Max(s => s.ResponseIds.Count));
        var t = tp + tr;
        var n = samples.Count;
        var ids = new long[n * t];
        var mask = new long[n * t];
        var targets = new float[n * (t - 1)];
        Array.Fill(ids, padId);
        for (var r = 0; r < n; r++)
        {
            var s = samples[r];
            var start = tp - s.PromptIds.Count;
            for (var j = 0; j < s.PromptIds.Count; j++)
            {
                ids[(r * t) + start + j] = s.PromptIds[j];
                mask[(r * t) + start + j] = 1;
            }
            for (var j = 0; j < s.ResponseIds.Count; j++)
            {
                ids[(r * t) + tp + j] = s.ResponseIds[j];
                mask[(r * t) + tp + j] = 1;
                targets[(r * (t - 1)) + tp - 1 + j] = 1;
            }
        }
        return new RolloutBatch(
            samples,
            torch.tensor(ids, [n, t], device: device),
            torch.tensor(mask, [n, t], device: device),
            torch.tensor(targets, [n, t - 1], device: device),
            tp);
    }

    /// <summary>The rows <paramref name="rows"/> trimmed to the longest response among them: (ids, attention, targets) views for a micro-batch.</summary>
    public (Tensor Ids, Tensor Attention, Tensor Targets, long Columns) Slice(IReadOnlyList<int> rows)
    {
        var width = PromptWidth + Math.Max(1, rows.Max(r => Samples[r].ResponseIds.Count));
        var index = torch.tensor(rows.Select(r => (long)r).ToArray(), device: InputIds.device);
        return (InputIds.index_select(0, index).narrow(1, 0, width),
                AttentionMask.index_select(0, index).narrow(1, 0, width),
                TargetMask.index_select(0, index).narrow(1, 0, width - 1),
                width);
    }

    public void Dispose()
    {
        InputIds.Dispose();
        AttentionMask.Dispose();
        TargetMask.Dispose();
    }
}
