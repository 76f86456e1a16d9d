using G2rl.Sampling;
using G2rl.Tests.Support;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace G2rl.Tests.Sampling;

/// <summary>
/// Continuous batching: results equal the dense sampler's (the pre-change engine, kept as a test reference) for any max_num_seqs,
/// finished rows hand their slot to the next row at once, each prompt is prefilled once, and no tensors leak.
/// </summary>
public sealed class ContinuousBatchingTests(ITestOutputHelper output)
{
    private static readonly IReadOnlyList<IReadOnlyList<int>> Prompts =
        [new[] { 5, 17, 200, 33, 9, 100, 7 }, new[] { 44, 3 }, new[] { 300 }, new[] { 11, 12, 13, 14 }];

    public static TheoryData<string, int> ModelsAndSlots() => new()
    {
        { "tiny-qwen3-tied", 1 }, { "tiny-qwen3-tied", 3 }, { "tiny-qwen3-tied", 64 },
        { "tiny-qwen3-untied", 1 }, { "tiny-qwen3-untied", 3 }, { "tiny-qwen3-untied", 64 },
    };

    [Theory]
    [MemberData(nameof(ModelsAndSlots))]
    public void GreedyEqualsDenseSamplerAndRecomputation(string name, int maxNumSeqs)
    {
        using var model = FixtureModels.Load(name);
        var options = new SamplingOptions { Temperature = 0, MaxNewTokens = 10, EosTokenIds = [7, 44] };
        var dense = new DenseReferenceSampler(model).Sample(Prompts, 2, options, seed: 1);
        var result = new BatchedSampler(model) { MaxNumSeqs = maxNumSeqs }.Sample(Prompts, 2, options, seed: 1);
        Assert.Equal(dense.Select(d => d.ResponseIds), result.Select(r => r.ResponseIds));
        Assert.Equal(dense.Select(d => d.Finish), result.Select(r => r.Finish));
        // And the uncached slow path: argmax of a full forward over prompt + response so far, row by row.
        foreach (var r in result.Where((_, i) => i % 2 == 0))
        {
            var ids = torch.tensor(r.PromptIds.Select(x => (long)x).ToArray()).unsqueeze(0);
            using var generated = NaiveGreedyDecoder.Generate(model, ids, torch.ones_like(ids), r.ResponseIds.Count);
            Assert.Equal(r.ResponseIds.Select(x => (long)x), generated.data<long>().ToArray());
        }
    }

    [Theory]
    [MemberData(nameof(ModelsAndSlots))]
    public void SeededSamplingEqualsDenseSamplerForAnyMaxNumSeqs(string name, int maxNumSeqs)
    {
        using var model = FixtureModels.Load(name);
        var options = new SamplingOptions { Temperature = 1.2, TopP = 0.95, MaxNewTokens = 12, EosTokenIds = [3, 9, 17] };
        var dense = new DenseReferenceSampler(model).Sample(Prompts, 3, options, seed: 77);
        var result = new BatchedSampler(model) { MaxNumSeqs = maxNumSeqs }.Sample(Prompts, 3, options, seed: 77);
        Assert.Equal(dense.Select(d => d.ResponseIds), result.Select(r => r.ResponseIds));
        var worst = dense.Zip(result).SelectMany(p => p.First.ResponseLogProbs.Zip(p.Second.ResponseLogProbs, (a, b) => Math.Abs(a - b))).Max();
        output.WriteLine($"{name} max_num_seqs={maxNumSeqs}: {result.Sum(r => r.ResponseIds.Count)} tokens, max |Δ log-prob| vs dense = {worst:E2}");
        Assert.True(worst <= 1e-5, $"log-probs differ by {worst}");
        Assert.True(result.Select(r => string.Join(",", r.ResponseIds)).Distinct().Count() > 6, "rows should differ at temperature 1.2");
    }

    [Fact]
    public void AFinishedRowHandsItsSlotToTheNextRowAtOnce()
    {
        using var mock = new SuccessorMockLm(vocab: 16);
        var options = new SamplingOptions { Temperature = 0, MaxNewTokens = 8, EosTokenIds = [3] };
        // Row 0 (prompt 5) runs 8 tokens; rows 1-3 (prompt 1: → 2 3) finish after 2 each. With 2 slots, rows 1, 2, 3 run one after
        // another beside row 0: 8 decode steps in all (waiting for the whole batch to finish would take 10).
        var sampler = new BatchedSampler(mock) { MaxNumSeqs = 2 };
        var result = sampler.Sample([new[] { 5 }, new[] { 1 }, new[] { 1 }, new[] { 1 }], 1, options, seed: 0);
        Assert.Equal([6, 7, 8, 9, 10, 11, 12, 13], result[0].ResponseIds);
        Assert.All(result.Skip(1), r => Assert.Equal([2, 3], r.ResponseIds));
        var stats = sampler.LastRun!;
        Assert.Equal(8, stats.DecodeSteps);
        Assert.Equal(4, stats.SlotAssignments);
        Assert.Equal(2, stats.PeakLiveRows);
        Assert.Equal(8, mock.HiddenCalls); // one-token prompts need no prefill
    }

    [Fact]
    public void EachPromptIsPrefilledOnceWhateverTheSlots()
    {
        using var model = FixtureModels.Load("tiny-qwen3-tied");
        var options = new SamplingOptions { Temperature = 1.0, MaxNewTokens = 5 };
        foreach (var slots in new[] { 1, 3, 5, 100 })
        {
            var sampler = new BatchedSampler(model) { MaxNumSeqs = slots };
            sampler.Sample(Prompts, 4, options, seed: 2);
            var stats = sampler.LastRun!;
            Assert.Equal(3, stats.PrefilledPrompts); // the one-token prompt needs none
            Assert.Equal(16, stats.SlotAssignments);
            Assert.Equal(Math.Min(slots, 16), stats.Slots);
            Assert.True(stats.PeakLiveRows <= slots);
        }
    }

    [Fact]
    public void TheHookSeesEachRowsOwnResponsePosition()
    {
        using var mock = new SuccessorMockLm(vocab: 16);
        var options = new SamplingOptions { Temperature = 0, MaxNewTokens = 4, EosTokenIds = [3] };
        var seen = new List<(int Row, int Step, long Token)>();
        var hook = new Recorder(seen);
        new BatchedSampler(mock) { MaxNumSeqs = 2 }.Sample([new[] { 1 }, new[] { 9 }, new[] { 4 }], 1, options, seed: 0, hook);
        // Row 0: 2 3 (eos); row 1: 10..13; row 2 starts when row 0 ends: 5..8.
        var expected = new[] { (0, 0, 2L), (0, 1, 3L) }
            .Concat(Enumerable.Range(0, 4).Select(i => (1, i, 10L + i)))
            .Concat(Enumerable.Range(0, 4).Select(i => (2, i, 5L + i)));
        Assert.Equal(expected.Order(), seen.Order());
    }

    [Fact]
    public void NonFiniteLogitsAreAClearError()
    {
        using var mock = new SuccessorMockLm(vocab: 8, scale: double.NaN);
        var ex = Assert.Throws<G2rlException>(() => new BatchedSampler(mock).Sample([new[] { 1 }], 2, new SamplingOptions { MaxNewTokens = 3 }, 0));
        Assert.Contains("non-finite", ex.Message);
    }

    [Fact]
    public void LiveTensorCountDoesNotGrowAcrossCallsWithRefills()
    {
        using var model = FixtureModels.Load("tiny-qwen3-tied");
        var sampler = new BatchedSampler(model) { MaxNumSeqs = 3 };
        var options = new SamplingOptions { Temperature = 1.0, MaxNewTokens = 6, EosTokenIds = [2, 5, 9] };
        sampler.Sample(Prompts, 2, options, seed: 0);
        var before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        for (var i = 0; i < 30; i++)
        {
            sampler.Sample(Prompts, 2 + (i % 3), options, seed: i);
        }
        var after = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        output.WriteLine($"live tensors before {before}, after 30 calls {after}");
        Assert.True(after <= before, $"live tensors grew from {before} to {after}");
    }

    private sealed class Recorder(List<(int Row, int Step, long Token)> seen) : ISamplerStepHook
    {
        public void OnStep(Tensor logits, Tensor tokens, IReadOnlyList<int> rows, IReadOnlyList<int> steps)
        {
            var t = tokens.data<long>().ToArray();
            for (var i = 0; i < rows.Count; i++)
            {
                seen.Add((rows[i], steps[i], t[i]));
            }
        }
    }
}
