using G2rl.Model;
using G2rl.Tokenization;
using TorchSharp;
using static TorchSharp.torch;

namespace G2rl.Sampling;

/// <summary>
/// Continuous-batching group sampler (docs/sampling.md). At most <see cref="MaxNumSeqs"/> rows decode at once, in dense slots of a
/// KV cache owned by the sampler ([slots, Hkv, prompt + max_new, D] per layer, so memory does not depend on how many rows a call
/// samples). Rows are admitted in output order; a row that finishes frees its slot at once and the next row takes it: its
/// prompt (prefilled once per group, all tokens but the last) is copied into the slot and its last prompt token is fed by the
/// next decode step together with every other slot's token. Each row draws from its own counter-based random stream
/// (<see cref="CounterRng"/>), so results do not depend on <see cref="MaxNumSeqs"/> or on the device. Per decode step there is one
/// device→host copy (tokens, log-probs, finiteness flags). Runs without autograd, one dispose scope per step.
/// </summary>
public sealed class BatchedSampler(ICausalLm model, ITextTokenizer? tokenizer = null)
{
    /// <summary>Once no rows wait for a slot, drop idle slots when at least this share of the slots is idle (and always at ≥ 1).</summary>
    public double CompactionShare { get; init; } = 0.125;

    /// <summary>Rows decoded at once (slots); null: all rows of the call.</summary>
    public int? MaxNumSeqs { get; init; }

    /// <summary>Counters of the last <see cref="Sample"/> call (null before the first).</summary>
    public SamplerRunStats? LastRun { get; private set; }

    /// <summary>
    /// Samples <paramref name="groupSize"/> responses for every prompt. Output row r = promptIndex × groupSize + member,
    /// in that order. <paramref name="hook"/> (optional) sees each step's raw logits of the running rows.
    /// </summary>
    public IReadOnlyList<SampledSequence> Sample(
        IReadOnlyList<IReadOnlyList<int>> prompts, int groupSize, SamplingOptions options, long seed, ISamplerStepHook? hook = null)
    {
        options.Validate();
        Check(prompts, groupSize, options);
        using var noGrad = torch.no_grad();
        var total = prompts.Count * groupSize;
        var slots = Math.Min(MaxNumSeqs ?? total, total);
        var run = new SamplingRun(prompts, groupSize, options, tokenizer);
        var stats = new SamplerRunStats { Slots = slots };
        using var state = new DecodeState(model, slots, prompts.Max(p => p.Count) + options.MaxNewTokens, options.MaxNewTokens);
        using var prefills = new PromptPrefills(model, prompts, groupSize);
        var slotRow = new int[slots];
        var next = Admit(state, prefills, run, slotRow, Enumerable.Range(0, slots).ToList(), 0, seed, stats);
        while (state.Live.Any(x => x))
        {
            var created = DisposeScopeManager.Statistics.CreatedInScopeCount;
            using (var scope = NewDisposeScope())
            {
                var logits = state.Step();
                var (packed, chosen) = TokenChooser.Choose(logits, options, state.Uniforms);
                var host = packed.cpu().data<double>().ToArray();
                if (hook is not null)
                {
                    CallHook(hook, state, logits, chosen, slotRow, run);
                }
                state.Advance(chosen);
                var freed = Record(state, slotRow, run, host);
                stats.DecodeSteps++;
                stats.DecodeTensors += DisposeScopeManager.Statistics.CreatedInScopeCount - created;
                if (freed.Count == 0)
                {
                    continue;
                }
                state.Free(freed);
                if (next < total)
                {
                    next = Admit(state, prefills, run, slotRow, freed, next, seed, stats);
                }
                else if (state.Live.Count(x => !x) >= Math.Max(1, CompactionShare * state.Slots) && state.Live.Any(x => x))
                {
                    var keep = state.Compact();
                    slotRow = [.. keep.Select(s => slotRow[s])];
                    stats.Compactions++;
                }
            }
        }
        stats.PrefilledPrompts = prefills.PrefilledPrompts;
        stats.PrefillCalls = prefills.PrefillCalls;
        LastRun = stats;
        return run.Assemble(prompts, groupSize);
    }

    private void Check(IReadOnlyList<IReadOnlyList<int>> prompts, int groupSize, SamplingOptions options)
    {
        if (prompts.Count == 0 || groupSize <= 0)
        {
            throw new G2rlException("sampling needs at least one prompt and a positive group size");
        }
        if (prompts.Any(p => p.Count == 0))
        {
            throw new G2rlException("every prompt must contain at least one token");
        }
        if (MaxNumSeqs is <= 0)
        {
            throw new G2rlException($"max_num_seqs must be positive, got {MaxNumSeqs}");
        }
        var promptLength = prompts.Max(p => p.Count);
        if (promptLength + options.MaxNewTokens > model.Config.MaxPositionEmbeddings)
        {
            throw new G2rlException($"prompt length {promptLength} + max_new_tokens {options.MaxNewTokens} exceeds the model's context of {model.Config.MaxPositionEmbeddings}");
        }
    }

    /// <summary>Gives the idle <paramref name="free"/> slots to rows next, next+1, …; returns the next row still waiting.</summary>
    private static int Admit(DecodeState state, PromptPrefills prefills, SamplingRun run, int[] slotRow, IReadOnlyList<int> free, int next, long seed, SamplerRunStats stats)
    {
        var count = Math.Min(free.Count, run.Rows - next);
        if (count == 0)
        {
            return next;
        }
        var placements = Enumerable.Range(0, count).Select(i => (Slot: free[i], Prompt: (next + i) / run.GroupSize)).ToList();
        prefills.Ensure(placements.Select(p => p.Prompt));
        prefills.CopyInto(state.Cache, placements);
        var rows = Enumerable.Range(next, count).ToList();
        state.Admit(
            [.. placements.Select(p => p.Slot)],
            rows,
            [.. placements.Select(p => run.Prompts[p.Prompt].Count - 1)],
            [.. placements.Select(p => run.Prompts[p.Prompt][^1])],
            seed);
        for (var i = 0; i < count; i++)
        {
            slotRow[placements[i].Slot] = next + i;
        }
        stats.SlotAssignments += count;
        stats.PeakLiveRows = Math.Max(stats.PeakLiveRows, state.Live.Count(x => x));
        return next + count;
    }

    /// <summary>Appends each live slot's choice to its row; returns the slots whose row finished.</summary>
    private static List<int> Record(DecodeState state, int[] slotRow, SamplingRun run, double[] host)
    {
        var s = state.Slots;
        var freed = new List<int>();
        for (var i = 0; i < s; i++)
        {
            if (!state.Live[i])
            {
                continue;
            }
            if (host[(2 * s) + i] == 0)
            {
                throw new G2rlException("cannot sample: the model produced non-finite logits (NaN/Inf weights or activations)");
            }
            if (run.Append(slotRow[i], (int)host[i], (float)host[s + i]))
            {
                freed.Add(i);
            }
        }
        return freed;
    }

    private static void CallHook(ISamplerStepHook hook, DecodeState state, Tensor logits, Tensor tokens, int[] slotRow, SamplingRun run)
    {
        var live = Enumerable.Range(0, state.Slots).Where(i => state.Live[i]).ToArray();
        var rows = live.Select(i => slotRow[i]).ToArray();
        var steps = rows.Select(run.Length).ToArray();
        if (live.Length == state.Slots)
        {
            hook.OnStep(logits, tokens, rows, steps);
            return;
        }
        using var idx = torch.tensor(live.Select(x => (long)x).ToArray(), device: logits.device);
        using var l = logits.index_select(0, idx);
        using var t = tokens.index_select(0, idx);
        hook.OnStep(l, t, rows, steps);
    }
}
