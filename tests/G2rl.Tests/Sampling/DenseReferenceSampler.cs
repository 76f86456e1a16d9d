using G2rl.Model;
using G2rl.Sampling;
using TorchSharp;
using static TorchSharp.torch;

namespace G2rl.Tests.Sampling;

/// <summary>
/// Test-only reference: the dense sampler as it was before continuous batching (every row of the call in one left-padded batch,
/// each prompt prefilled once and its cache copied to its group, the first token from the prefill logits, finished rows compacted
/// away), with its random draws taken from the same per-row counter streams, so its tokens and log-probs are what the
/// continuous-batching sampler must reproduce for any max_num_seqs. No stop strings (not needed by the tests).
/// </summary>
internal sealed class DenseReferenceSampler(ICausalLm model)
{
    public IReadOnlyList<SampledSequence> Sample(IReadOnlyList<IReadOnlyList<int>> prompts, int groupSize, SamplingOptions options, long seed)
    {
        using var noGrad = torch.no_grad();
        var total = prompts.Count * groupSize;
        var responses = Enumerable.Range(0, total).Select(_ => new List<int>()).ToArray();
        var logProbs = Enumerable.Range(0, total).Select(_ => new List<float>()).ToArray();
        var finish = new FinishReason?[total];
        var stop = new StopChecker(options, null);
        var promptLength = prompts.Max(p => p.Count);
        var (state, logits) = Prefill(prompts, groupSize, promptLength + options.MaxNewTokens);
        using (state)
        {
            for (var step = 0; step < options.MaxNewTokens && state.Count > 0; step++)
            {
                using var scope = NewDisposeScope();
                var (tokens, tokenLogProbs) = Choose(logits, options, seed, state.Rows, step);
                var rows = state.Rows.data<long>().ToArray();
                var chosen = tokens.data<long>().ToArray();
                var lp = tokenLogProbs.data<float>().ToArray();
                var stillRunning = new List<long>();
                for (var i = 0; i < rows.Length; i++)
                {
                    var r = (int)rows[i];
                    responses[r].Add((int)chosen[i]);
                    logProbs[r].Add(lp[i]);
                    finish[r] = stop.Check(responses[r]);
                    if (finish[r] is null)
                    {
                        stillRunning.Add(i);
                    }
                }
                logits.Dispose();
                if (stillRunning.Count == 0)
                {
                    logits = torch.empty(0);
                    break;
                }
                if (stillRunning.Count < rows.Length)
                {
                    var keep = torch.tensor(stillRunning.ToArray());
                    state.Keep(keep);
                    tokens = tokens.index_select(0, keep);
                }
                logits = state.Step(model, tokens).DetachFromDisposeScope();
            }
            logits.Dispose();
        }
        return [.. Enumerable.Range(0, total).Select(r => new SampledSequence(r / groupSize, prompts[r / groupSize], responses[r], logProbs[r], finish[r] ?? FinishReason.Length, ""))];
    }

    private (DenseDecodeState State, Tensor Logits) Prefill(IReadOnlyList<IReadOnlyList<int>> prompts, int groupSize, long capacity)
    {
        using var scope = NewDisposeScope();
        var p = prompts.Count;
        var t = prompts.Max(x => x.Count);
        var ids = new long[p * t];
        var mask = new long[p * t];
        for (var i = 0; i < p; i++)
        {
            var pad = t - prompts[i].Count;
            for (var j = 0; j < prompts[i].Count; j++)
            {
                ids[(i * t) + pad + j] = prompts[i][j];
                mask[(i * t) + pad + j] = 1;
            }
        }
        var idT = torch.tensor(ids, [p, t]);
        var maskT = torch.tensor(mask, [p, t]);
        var cache = new KvCache(model.Config, p, capacity, model.DType, model.Device);
        var hidden = model.Hidden(idT, AttentionMasks.PositionIds(maskT), AttentionMasks.Causal(maskT, 0, t, model.DType), cache, 0);
        var logits = model.Logits(hidden.select(1, -1)).to(ScalarType.Float32);
        var expand = torch.arange(p).repeat_interleave(groupSize);
        cache.SelectRows(expand);
        var keyMask = torch.zeros([p, capacity], ScalarType.Int64);
        keyMask.narrow(1, 0, t).copy_(maskT);
        var state = new DenseDecodeState(
            cache,
            keyMask.index_select(0, expand).DetachFromDisposeScope(),
            maskT.sum(1).index_select(0, expand).DetachFromDisposeScope(),
            torch.arange(p * groupSize).DetachFromDisposeScope(),
            t);
        return (state, logits.index_select(0, expand).DetachFromDisposeScope());
    }

    private static (Tensor Tokens, Tensor LogProbs) Choose(Tensor logits, SamplingOptions options, long seed, Tensor rows, int step)
    {
        if (options.Greedy)
        {
            return (logits.argmax(-1), torch.zeros([logits.shape[0]], ScalarType.Float32));
        }
        var logp = LogitsTransforms.Apply(logits, options).log_softmax(-1);
        var u = CounterRng.Uniform(CounterRng.RowKeys(seed, rows), torch.full([rows.shape[0]], (long)step, ScalarType.Int64));
        var cdf = logp.exp().cumsum(-1);
        var target = u.unsqueeze(1) * cdf.narrow(1, cdf.shape[1] - 1, 1);
        var tokens = torch.searchsorted(cdf, target, right: true).squeeze(1).clamp_max(logits.shape[1] - 1);
        return (tokens, logp.gather(1, tokens.unsqueeze(1)).squeeze(1));
    }
}
