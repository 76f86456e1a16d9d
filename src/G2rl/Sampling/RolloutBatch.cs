using TorchSharp;
using static TorchSharp.torch;

namespace G2rl.Sampling;

/// <summary>
/// A step's rollouts as padded tensors: row r = its prompt (P_r tokens) then its response (R_r tokens) from column 0,
/// right-padded to T = max(P_r + R_r). Position ids are 0, 1, … for every row, and causal attention alone keeps the
/// padding (all on the right) out of every real token's context, so passes need no attention mask (SDPA with
/// is_causal; see <see cref="G2rl.Model.ICausalLm.HiddenCausal"/>). Target column t scores ids[t+1]; the target mask
/// selects the response tokens (columns P_r − 1 … P_r + R_r − 2). Owns its tensors.
/// </summary>
public sealed class RolloutBatch : IDisposable
{
    private RolloutBatch(IReadOnlyList<SampledSequence> samples, Tensor ids, Tensor attention, Tensor targets)
    {
        Samples = samples;
        InputIds = ids;
        AttentionMask = attention;
        TargetMask = targets;
    }

    /// <summary>The sampled sequences, in row order.</summary>
    public IReadOnlyList<SampledSequence> Samples { get; }

    /// <summary>[N, T] int64.</summary>
    public Tensor InputIds { get; }

    /// <summary>[N, T] int64, 1 for real tokens (prompt and response), 0 for the right padding.</summary>
    public Tensor AttentionMask { get; }

    /// <summary>[N, T−1] float32, 1 where target t+1 is a response token.</summary>
    public Tensor TargetMask { get; }

    /// <summary>The longest prompt (tokens).</summary>
    public int PromptWidth => Samples.Max(s => s.PromptIds.Count);

    /// <summary>N rows.</summary>
    public int Rows => Samples.Count;

    /// <summary>Response tokens per row.</summary>
    public IEnumerable<int> ResponseLengths => Samples.Select(s => s.ResponseIds.Count);

    /// <summary>Real tokens (prompt + response) of row <paramref name="row"/>.</summary>
    public int RowLength(int row) => Samples[row].PromptIds.Count + Samples[row].ResponseIds.Count;

    /// <summary>Columns row <paramref name="row"/> occupies in a micro-batch of its own (<see cref="RowLength"/>, at least 2): the unit of token budgets.</summary>
    public int PaddedWidth(int row) => Math.Max(2, RowLength(row));

    /// <summary>Target column of the first response token of row <paramref name="row"/> (P_r − 1).</summary>
    public int FirstTargetColumn(int row) => Samples[row].PromptIds.Count - 1;

    /// <summary>Builds the padded tensors on <paramref name="device"/>; <paramref name="padId"/> fills padding.</summary>
    public static RolloutBatch Build(IReadOnlyList<SampledSequence> samples, int padId, Device device)
    {
        var t = Math.Max(samples.Max(s => s.PromptIds.Count + s.ResponseIds.Count), samples.Max(s => s.PromptIds.Count) + 1);
        var n = samples.Count;
        var ids = new long[n * t];
        var mask = new long[n * t];
        var targets = new float[n * (t - 1)];
        Array.Fill(ids, padId);
        for (var r = 0; r < n; r++)
        {
            var s = samples[r];
            var p = s.PromptIds.Count;
            for (var j = 0; j < p; j++)
            {
                ids[(r * t) + j] = s.PromptIds[j];
                mask[(r * t) + j] = 1;
            }
            for (var j = 0; j < s.ResponseIds.Count; j++)
            {
                ids[(r * t) + p + j] = s.ResponseIds[j];
                mask[(r * t) + p + j] = 1;
                targets[(r * (t - 1)) + p - 1 + j] = 1;
            }
        }
        return new RolloutBatch(
            samples,
            torch.tensor(ids, [n, t], device: device),
            torch.tensor(mask, [n, t], device: device),
            torch.tensor(targets, [n, t - 1], device: device));
    }

    /// <summary>
    /// The rows <paramref name="rows"/> trimmed to the longest among them (at least 2 columns): (ids, attention, targets)
    /// for a micro-batch; Columns = the width W, targets have W − 1 columns.
    /// </summary>
    public (Tensor Ids, Tensor Attention, Tensor Targets, long Columns) Slice(IReadOnlyList<int> rows)
    {
        var width = Math.Min(InputIds.shape[1], rows.Max(PaddedWidth));
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
