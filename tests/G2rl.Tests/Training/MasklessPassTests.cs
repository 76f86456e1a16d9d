using G2rl.Model;
using G2rl.Sampling;
using G2rl.Tests.Support;
using G2rl.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace G2rl.Tests.Training;

/// <summary>The log-prob stage never builds an attention mask: it only calls <see cref="ICausalLm.HiddenCausal"/>.</summary>
public sealed class MasklessPassTests
{
    [Fact]
    public void LogProbStageUsesOnlyTheCausalPass()
    {
        using var scope = NewDisposeScope();
        using var model = FixtureModels.Load("tiny-qwen3-tied");
        var guarded = new NoMaskLm(model);
        SampledSequence Row(int[] prompt, int[] response) => new(0, prompt, response, [.. response.Select(_ => 0f)], FinishReason.Length, "");
        using var batch = RolloutBatch.Build([Row([5, 6, 7], [8, 9]), Row([10], [11, 12, 13])], 0, CPU);
        Assert.Equal(new long[] { 5, 6, 7, 8, 9 }, batch.InputIds[0].data<long>().ToArray());
        Assert.Equal(new long[] { 10, 11, 12, 13, 0 }, batch.InputIds[1].data<long>().ToArray());
        using var viaGuard = LogProbStage.Run(batch, guarded, guarded, 1.0, 1, 4, true, null);
        Assert.True(guarded.CausalCalls >= 4);
        // Independent reference: the masked left-padded forward of each row alone, as transformers lays it out.
        using var noGrad = torch.no_grad();
        var (logits, _) = model.Forward(torch.tensor(new long[] { 10, 11, 12, 13 }).unsqueeze(0), torch.ones(1, 4, ScalarType.Int64));
        var expected = logits[0].log_softmax(-1);
        for (var j = 0; j < 3; j++)
        {
            var want = expected[j, 11 + j].item<float>();
            Assert.True(Math.Abs(viaGuard.Old[1, j].item<float>() - want) < 1e-5);
            Assert.True(Math.Abs(viaGuard.Reference![1, j].item<float>() - want) < 1e-5);
        }
    }

    private sealed class NoMaskLm(Qwen3ForCausalLM inner) : ICausalLm
    {
        public int CausalCalls { get; private set; }

        public Qwen3Config Config => inner.Config;

        public Device Device => inner.Device;

        public ScalarType DType => inner.DType;

        public Tensor LmHeadWeight => inner.LmHeadWeight;

        public Tensor Hidden(Tensor inputIds, Tensor positionIds, Tensor mask, KvCache? cache = null, long cacheStart = 0) =>
            throw new InvalidOperationException("a training pass built an attention mask");

        public Tensor HiddenCausal(Tensor inputIds)
        {
            CausalCalls++;
            return inner.HiddenCausal(inputIds);
        }

        public Tensor Logits(Tensor hidden) => inner.Logits(hidden);
    }
}
