using G2rl.Model;
using G2rl.Sampling;
using G2rl.Tests.Model;
using G2rl.Tests.Support;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace G2rl.Tests.Sampling;

/// <summary>The KV-cache sampler equals full recomputation and transformers, stops per row, and is seed-deterministic.</summary>
public sealed class BatchedSamplerTests(ITestOutputHelper output)
{
    private static IReadOnlyList<IReadOnlyList<int>> FixturePrompts(FixtureModels.Expected e)
    {
        var ids = e.InputIds.data<long>().ToArray();
        var mask = e.AttentionMask.data<long>().ToArray();
        var t = (int)e.InputIds.shape[1];
        return Enumerable.Range(0, 2).Select(b => (IReadOnlyList<int>)Enumerable.Range(0, t).Where(j => mask[(b * t) + j] == 1).Select(j => (int)ids[(b * t) + j]).ToList()).ToList();
    }

    [Theory]
    [InlineData("tiny-qwen3-tied")]
    [InlineData("tiny-qwen3-untied")]
    public void GreedyContinuationEqualsTransformersGenerate(string name)
    {
        using var model = FixtureModels.Load(name);
        var e = FixtureModels.LoadExpected(name);
        var result = new BatchedSampler(model).Sample(FixturePrompts(e), 1, new SamplingOptions { Temperature = 0, MaxNewTokens = 16 }, seed: 1);
        var expected = e.Greedy16.data<long>().ToArray();
        for (var b = 0; b < 2; b++)
        {
            Assert.Equal(expected.Skip(b * 16).Take(16).Select(x => (int)x), result[b].ResponseIds);
            Assert.Equal(FinishReason.Length, result[b].Finish);
        }
    }

    [Theory]
    [InlineData("tiny-qwen3-tied")]
    [InlineData("tiny-qwen3-untied")]
    public void CachedStepLogitsEqualFullRecomputationOnLeftPaddedBatch(string name)
    {
        using var scope = NewDisposeScope();
        using var model = FixtureModels.Load(name);
        var prompts = new List<IReadOnlyList<int>> { new[] { 5, 17, 200, 33, 9, 100, 7 }, new[] { 44, 3 }, new[] { 300, 301, 302, 4 } };
        var recorder = new LogitsRecorder();
        var samples = new BatchedSampler(model).Sample(prompts, 2, new SamplingOptions { Temperature = 1.0, MaxNewTokens = 10 }, seed: 3, recorder);
        double worst = 0;
        foreach (var (row, step, logits) in recorder.Records)
        {
            var s = samples[(int)row];
            var seq = s.PromptIds.Concat(s.ResponseIds.Take(step)).Select(x => (long)x).ToArray();
            using var ids = torch.tensor(seq, [1, seq.Length]);
            using var mask = torch.ones([1, seq.Length], ScalarType.Int64);
            var (full, _) = model.Forward(ids, mask);
            var reference = full.select(1, -1).squeeze(0);
            worst = Math.Max(worst, (reference - logits).abs().max().item<float>());
        }
        output.WriteLine($"{name}: {recorder.Records.Count} cached steps, max |Δ logits| vs recomputation = {worst:E3}");
        Assert.True(recorder.Records.Count >= 6 * 10);
        Assert.True(worst <= 1e-4, $"cached logits differ by {worst}");
    }

    [Fact]
    public void GroupCopiesAreIdenticalAtTemperatureZero()
    {
        using var model = FixtureModels.Load("tiny-qwen3-tied");
        var result = new BatchedSampler(model).Sample([new[] { 10, 20, 30 }], 4, new SamplingOptions { Temperature = 0, MaxNewTokens = 8 }, seed: 5);
        Assert.All(result, r => Assert.Equal(result[0].ResponseIds, r.ResponseIds));
    }

    [Fact]
    public void SameSeedRepeatsAndDifferentSeedsDiffer()
    {
        using var model = FixtureModels.Load("tiny-qwen3-untied");
        var sampler = new BatchedSampler(model);
        var options = new SamplingOptions { Temperature = 1.5, MaxNewTokens = 12 };
        IReadOnlyList<IReadOnlyList<int>> prompts = [new[] { 1, 2, 3 }, new[] { 7 }];
        var a = sampler.Sample(prompts, 4, options, seed: 42).Select(r => string.Join(",", r.ResponseIds)).ToList();
        var b = sampler.Sample(prompts, 4, options, seed: 42).Select(r => string.Join(",", r.ResponseIds)).ToList();
        var c = sampler.Sample(prompts, 4, options, seed: 43).Select(r => string.Join(",", r.ResponseIds)).ToList();
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.True(a.Distinct().Count() > 1, "group members should differ at temperature 1.5");
    }

    [Fact]
    public void SampledLogProbsAreThoseOfTheTemperatureScaledDistribution()
    {
        using var model = FixtureModels.Load("tiny-qwen3-tied");
        var s = new BatchedSampler(model).Sample([new[] { 11, 12, 13 }], 1, new SamplingOptions { Temperature = 0.7, MaxNewTokens = 6 }, seed: 9)[0];
        var seq = s.PromptIds.Concat(s.ResponseIds).Select(x => (long)x).ToArray();
        using var ids = torch.tensor(seq, [1, seq.Length]);
        var (logits, _) = model.Forward(ids, torch.ones([1, seq.Length], ScalarType.Int64));
        var logp = (logits / 0.7).log_softmax(-1);
        for (var i = 0; i < s.ResponseIds.Count; i++)
        {
            var expected = logp[0, s.PromptIds.Count - 1 + i, s.ResponseIds[i]].item<float>();
            Assert.Equal(expected, s.ResponseLogProbs[i], 4);
        }
    }

    [Fact]
    public void RowsStopIndependentlyOnEosStopSequenceAndLength()
    {
        using var mock = new SuccessorMockLm(vocab: 16);
        var options = new SamplingOptions
        {
            Temperature = 0,
            MaxNewTokens = 6,
            EosTokenIds = [9],
            StopTokenSequences = [new[] { 13, 14 }],
        };
        // Successor chains: 7 → 8 9 (eos); 11 → 12 13 14 (stop seq); 0 → 1..6 (length).
        var result = new BatchedSampler(mock) { CompactionShare = 0.01 }.Sample([new[] { 7 }, new[] { 11 }, new[] { 0 }], 1, options, seed: 0);
        Assert.Equal([8, 9], result[0].ResponseIds);
        Assert.Equal(FinishReason.Eos, result[0].Finish);
        Assert.Equal([12, 13, 14], result[1].ResponseIds);
        Assert.Equal(FinishReason.Stop, result[1].Finish);
        Assert.Equal([1, 2, 3, 4, 5, 6], result[2].ResponseIds);
        Assert.Equal(FinishReason.Length, result[2].Finish);
    }

    [Fact]
    public void FinishedRowsLeaveTheBatchAndTheHookSeesOnlyRunningRows()
    {
        using var mock = new SuccessorMockLm(vocab: 16);
        var recorder = new LogitsRecorder();
        var options = new SamplingOptions { Temperature = 0, MaxNewTokens = 8, EosTokenIds = [3] };
        var result = new BatchedSampler(mock) { CompactionShare = 0.01 }.Sample([new[] { 1 }, new[] { 5 }], 2, options, seed: 0, recorder);
        // Prompt 1 → 2 3 (eos after 2 steps) for rows 0,1; prompt 5 → 6..13 (8 steps) for rows 2,3.
        Assert.Equal(2 * 2 + (2 * 8), recorder.Records.Count);
        Assert.DoesNotContain(recorder.Records, r => r.Row < 2 && r.Step >= 2);
        Assert.All(result.Take(2), r => Assert.Equal([2, 3], r.ResponseIds));
    }

    [Fact]
    public void StopStringsEndRowsWhenDecoded()
    {
        var tok = new G2rl.Tokenization.CharTokenizer("abcdefghijklmnop".Select(c => c.ToString()));
        using var mock = new SuccessorMockLm(vocab: tok.VocabSize);
        var a = tok.Encode("a");
        var options = new SamplingOptions { Temperature = 0, MaxNewTokens = 10, StopStrings = ["de"] };
        var result = new BatchedSampler(mock, tok).Sample([a], 1, options, seed: 0);
        Assert.Equal(FinishReason.Stop, result[0].Finish);
        Assert.EndsWith("de", result[0].Text);
    }

    [Fact]
    public void LiveTensorCountDoesNotGrowAcrossFiftyCalls()
    {
        using var model = FixtureModels.Load("tiny-qwen3-tied");
        var sampler = new BatchedSampler(model);
        var options = new SamplingOptions { Temperature = 1.0, MaxNewTokens = 6, EosTokenIds = [2] };
        sampler.Sample([new[] { 1, 2, 3 }], 2, options, seed: 0);
        var before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        for (var i = 0; i < 50; i++)
        {
            sampler.Sample([new[] { 1, 2, 3 }, new[] { 4, 5 }], 3, options, seed: i);
        }
        var after = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        output.WriteLine($"live tensors before {before}, after 50 calls {after}");
        Assert.True(after <= before, $"live tensors grew from {before} to {after}");
    }

    [Fact]
    public void TooLongPromptIsAClearError()
    {
        using var model = FixtureModels.Load("tiny-qwen3-tied");
        var prompt = Enumerable.Range(0, 250).Select(i => i % 300).ToArray();
        var ex = Assert.Throws<G2rlException>(() => new BatchedSampler(model).Sample([prompt], 1, new SamplingOptions { MaxNewTokens = 16 }, 0));
        Assert.Contains("context", ex.Message);
    }

    private sealed class LogitsRecorder : ISamplerStepHook
    {
        public List<(long Row, int Step, Tensor Logits)> Records { get; } = [];

        public void OnStep(Tensor logits, Tensor tokens, IReadOnlyList<int> rows, IReadOnlyList<int> steps)
        {
            for (var i = 0; i < rows.Count; i++)
            {
                Records.Add((rows[i], steps[i], logits[i].clone().DetachFromDisposeScope()));
            }
        }
    }
}
