using G2rl.Model;
using G2rl.Rl;
using G2rl.Tests.Support;
using TorchSharp;
using static TorchSharp.torch;

namespace G2rl.Tests.Model;

/// <summary>Recomputing layers in the backward pass gives the same gradients as storing activations.</summary>
public sealed class GradientCheckpointingTests
{
    [Theory]
    [InlineData("tiny-qwen3-tied")]
    [InlineData("tiny-qwen3-untied")]
    public void CheckpointedGradientsEqualPlainGradients(string name)
    {
        using var scope = NewDisposeScope();
        using var model = FixtureModels.Load(name);
        var e = FixtureModels.LoadExpected(name);
        var targets = (e.AttentionMask.narrow(1, 0, 11) * e.AttentionMask.narrow(1, 1, 11)).to(ScalarType.Float32);
        Dictionary<string, Tensor> Gradients(bool checkpoint)
        {
            model.Backbone.GradientCheckpointing = checkpoint;
            foreach (var p in model.parameters())
            {
                p.grad?.zero_();
            }
            var hidden = model.Hidden(e.InputIds, AttentionMasks.PositionIds(e.AttentionMask), AttentionMasks.Causal(e.AttentionMask, 0, 12, ScalarType.Float32));
            var (logp, _) = TokenLogProbs.Compute(hidden, model.LmHeadWeight, e.InputIds, targets);
            logp.sum().backward();
            return model.named_parameters().ToDictionary(p => p.name, p => p.parameter.grad!.clone());
        }
        var plain = Gradients(false);
        var checkpointed = Gradients(true);
        foreach (var (n, g) in plain)
        {
            Assert.True(g.abs().sum().item<float>() > 0, $"{n} has no gradient");
            Assert.True((g - checkpointed[n]).abs().max().item<float>() < 1e-6, $"{n} differs with checkpointing");
        }
    }
}
