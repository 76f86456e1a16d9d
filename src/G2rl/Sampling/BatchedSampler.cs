using G2rl.Model;
using G2rl.Tokenization;
using TorchSharp;
using static TorchSharp.torch;

namespace G2rl.Sampling;

/// <summary>
/// Batched group sampling with a preallocated KV cache owned by the sampler: each prompt is prefilled once (left-padded,
/// positions counting only real tokens), its cache is copied to the G rows of its group, then all rows decode one token
/// per step with no concatenation. Finished rows are dropped from the batch once enough of them accumulate. Runs without
/// autograd and with one dispose scope per step. Deterministic for a given seed on CPU.
/// </summary>
public sealed class BatchedSampler(ICausalLm model, ITextTokenizer? tokenizer = null)
{
    /// <summary>Drop finished rows when at least this share of the live batch has finished (and always at ≥ 1 row for small batches).</summary>
    public double CompactionShare { get; init; } = 0.125;

    /// <summary>
    /// Samples <paramref name="groupSize"/> responses for every prompt. Output row r = promptIndex × groupSize + member,
    /// in that order. <paramref name="hook"/> (optional) sees each step's raw logits.
    /// </summary>
    public IReadOnlyList<SampledSequence> Sample(
        IReadOnlyList<IReadOnlyList<int>> prompts, int groupSize, SamplingOptions options, long seed, ISamplerStepHook? hook = null)
    {
        options.Validate();
        if (prompts.Count == 0 || groupSize <= 0)
        {
            throw new G2rlException("sampling needs at least one prompt and a positive group size");
        }
        if (prompts.Any(p => p.Count == 0))
        {
            throw new G2rlException("every prompt must contain at least one token");
        }
        var promptLength = prompts.Max(p => p.Count);
        if (promptLength + options.MaxNewTokens > model.Config.MaxPositionEmbeddings)
        {
            throw new G2rlException($"prompt length {promptLength} + max_new_tokens {options.MaxNewTokens} exceeds the model's context of {model.Config.MaxPositionEmbeddings}");
        }
        using var noGrad = torch.no_grad();
        using var generator = new Generator((ulong)seed, model.Device);
        var total = prompts.Count * groupSize;
        var responses = Enumerable.Range(0, total).Select(_ => new List<int>()).ToArray();
        var logProbs = Enumerable.Range(0, total).Select(_ => new List<float>()).ToArray();
        var finish = new FinishReason?[total];
        var stop = new StopChecker(options, tokenizer);

        var (state, logits) = Prefill(prompts, groupSize, promptLength + options.MaxNewTokens);
        using (state)
        {
            for (var step = 0; step < options.MaxNewTokens && state.Count > 0; step++)
            {
                using var scope = NewDisposeScope();
                var (tokens, tokenLogProbs) = Choose(logits, options, generator);
                var rows = state.Rows.cpu().data<long>().ToArray();
                if (hook is not null)
                {
                    CallHook(hook, logits, state.Rows, tokens, step, rows, finish);
                }
                var chosen = tokens.cpu().data<long>().ToArray();
                var lp = tokenLogProbs.cpu().data<float>().ToArray();
                var stillRunning = new List<long>();
                var finishedHere = 0;
                for (var i = 0; i < rows.Length; i++)
                {
                    var r = (int)rows[i];
                    if (finish[r] is not null)
                    {
                        continue;
                    }
                    responses[r].Add((int)chosen[i]);
                    logProbs[r].Add(lp[i]);
                    finish[r] = stop.Check(responses[r]);
                    if (finish[r] is null)
                    {
                        stillRunning.Add(i);
                    }
                    else
                    {
                        finishedHere++;
                    }
                }
                logits.Dispose();
                if (stillRunning.Count == 0)
                {
                    logits = torch.empty(0);
                    break;
                }
                var liveFinished = rows.Length - stillRunning.Count;
                if (liveFinished > 0 && liveFinished >= Math.Max(1, CompactionShare * rows.Length))
                {
                    var keep = torch.tensor(stillRunning.ToArray(), device: model.Device);
                    state.Keep(keep);
                    tokens = tokens.index_select(0, keep);
                }
                logits = state.Step(model, tokens).DetachFromDisposeScope();
            }
            logits.Dispose();
        }
        return Assemble(prompts, groupSize, responses, logProbs, finish);
    }

    private (DecodeState State, Tensor Logits) Prefill(IReadOnlyList<IReadOnlyList<int>> prompts, int groupSize, long capacity)
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
        var device = model.Device;
        var idT = torch.tensor(ids, [p, t], device: device);
        var maskT = torch.tensor(mask, [p, t], device: device);
        var cache = new KvCache(model.Config, p, capacity, model.DType, device);
        var hidden = model.Hidden(idT, AttentionMasks.PositionIds(maskT), AttentionMasks.Causal(maskT, 0, t, model.DType), cache, 0);
        var logits = model.Logits(hidden.select(1, -1)).to(ScalarType.Float32);
        var expand = torch.arange(p, device: device).repeat_interleave(groupSize);
        cache.SelectRows(expand);
        var keyMask = torch.zeros([p, capacity], ScalarType.Int64, device);
        keyMask.narrow(1, 0, t).copy_(maskT);
        var state = new DecodeState(
            cache,
            keyMask.index_select(0, expand).DetachFromDisposeScope(),
            maskT.sum(1).index_select(0, expand).DetachFromDisposeScope(),
            torch.arange(p * groupSize, device: device).DetachFromDisposeScope(),
            t);
        return (state, logits.index_select(0, expand).DetachFromDisposeScope());
    }

    private static void CallHook(ISamplerStepHook hook, Tensor logits, Tensor rowsT, Tensor tokens, int step, long[] rows, FinishReason?[] finish)
    {
        var running = Enumerable.Range(0, rows.Length).Where(i => finish[rows[i]] is null).Select(i => (long)i).ToArray();
        if (running.Length == rows.Length)
        {
            hook.OnStep(logits, rowsT, tokens, step);
            return;
        }
        using var idx = torch.tensor(running, device: logits.device);
        using var l = logits.index_select(0, idx);
        using var r = rowsT.index_select(0, idx);
        using var t = tokens.index_select(0, idx);
        hook.OnStep(l, r, t, step);
    }

    /// <summary>Chosen tokens [R] int64 and their log-probabilities [R] float32 under the sampling distribution.</summary>
    private static (Tensor Tokens, Tensor LogProbs) Choose(Tensor logits, SamplingOptions options, Generator generator)
    {
        if (options.Greedy)
        {
            return (logits.argmax(-1), torch.zeros([logits.shape[0]], ScalarType.Float32, logits.device));
        }
        var z = LogitsTransforms.Apply(logits, options);
        var logp = z.log_softmax(-1);
        var tokens = InverseCdf(logp.exp(), generator);
        return (tokens, logp.gather(1, tokens.unsqueeze(1)).squeeze(1));
    }

    /// <summary>
    /// Draws one token per row by inverse-CDF sampling (one uniform per row, cumsum, binary search), which costs a fraction
    /// of torch.multinomial on large vocabularies. A zero-probability token can never be drawn; non-finite rows are an error.
    /// </summary>
    internal static Tensor InverseCdf(Tensor probs, Generator generator)
    {
        using var scope = NewDisposeScope();
        var cdf = probs.cumsum(-1);
        var total = cdf.narrow(1, cdf.shape[1] - 1, 1);
        if (!total.isfinite().all().item<bool>())
        {
            throw new G2rlException("cannot sample: the model produced non-finite logits (NaN/Inf weights or activations)");
        }
        var u = torch.rand([probs.shape[0], 1], ScalarType.Float32, probs.device, generator: generator) * total;
        var index = torch.searchsorted(cdf, u, right: true).squeeze(1).clamp_max(probs.shape[1] - 1);
        return index.MoveToOuterDisposeScope();
    }

    private List<SampledSequence> Assemble(IReadOnlyList<IReadOnlyList<int>> prompts, int groupSize, List<int>[] responses, List<float>[] logProbs, FinishReason?[] finish)
    {
        var result = new List<SampledSequence>(responses.Length);
        for (var r = 0; r < responses.Length; r++)
        {
            var text = tokenizer?.Decode(responses[r], skipSpecialTokens: true) ?? string.Empty;
            result.Add(new SampledSequence(r / groupSize, prompts[r / groupSize], responses[r], logProbs[r], finish[r] ?? FinishReason.Length, text));
        }
        return result;
    }
}
