using G2rl.Exploration;
using G2rl.Model;
using G2rl.Tests.Support;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace G2rl.Tests.Exploration;

/// <summary>φ_t is T·∂log p(y_t)/∂h_t (autograd), and Φ from the V-sized accumulator is the mean of φ_t.</summary>
public sealed class GradientFeatureTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("tiny-qwen3-tied", 1.0)]
    [InlineData("tiny-qwen3-untied", 0.7)]
    public void TokenFeaturesEqualTemperatureTimesAutogradGradient(string name, double temperature)
    {
        using var scope = NewDisposeScope();
        using var model = FixtureModels.Load(name);
        var e = FixtureModels.LoadExpected(name);
        Tensor hidden;
        using (torch.no_grad())
        {
            hidden = model.Forward(e.InputIds, e.AttentionMask, returnHidden: true).Hidden!;
        }
        var mask = (e.AttentionMask.narrow(1, 0, 11) * e.AttentionMask.narrow(1, 1, 11)).to(ScalarType.Float32);
        var h = hidden.detach().requires_grad_(true);
        var logp = (model.Logits(h.narrow(1, 0, 11)) / temperature).log_softmax(-1).gather(2, e.InputIds.narrow(1, 1, 11).unsqueeze(2)).squeeze(2);
        (logp * mask).sum().backward();
        var reference = h.grad!.narrow(1, 0, 11) * temperature;
        var phi = GradientFeatures.TokenFeatures(hidden, model.LmHeadWeight, e.InputIds, mask, temperature);
        var diff = (phi - reference).abs().max().item<float>();
        output.WriteLine($"{name}: max |φ − T·∂log p/∂h| = {diff:E3}");
        Assert.True(diff <= 1e-5);
        Assert.True(reference.abs().max().item<float>() > 1e-4, "the gradient must not be trivially zero");
    }

    [Theory]
    [InlineData("tiny-qwen3-tied", FeatureWeighting.Uniform)]
    [InlineData("tiny-qwen3-untied", FeatureWeighting.Uniform)]
    [InlineData("tiny-qwen3-untied", FeatureWeighting.Entropy)]
    public void AccumulatedSequenceFeatureEqualsWeightedMeanOfTokenFeatures(string name, FeatureWeighting weighting)
    {
        using var scope = NewDisposeScope();
        using var model = FixtureModels.Load(name);
        var e = FixtureModels.LoadExpected(name);
        var targets = torch.zeros([2, 11]);
        targets.narrow(1, 5, 6).fill_(1);  // a "response" from position 6 on
        var sequence = GradientFeatures.SequenceFeatures(model, e.InputIds, e.AttentionMask, targets, 0.9, weighting, chunk: 4);
        Tensor hidden;
        using (torch.no_grad())
        {
            hidden = model.Forward(e.InputIds, e.AttentionMask, returnHidden: true).Hidden!;
        }
        var tokens = GradientFeatures.TokenFeatures(hidden, model.LmHeadWeight, e.InputIds, targets, 0.9);
        var alpha = targets.clone();
        if (weighting == FeatureWeighting.Entropy)
        {
            var p = (model.Logits(hidden.narrow(1, 0, 11)) / 0.9).softmax(-1);
            alpha = -(p * p.log()).sum(-1) * targets;
        }
        var expected = (tokens * alpha.unsqueeze(-1)).sum(1) / alpha.sum(1, keepdim: true);
        var diff = (sequence - expected).abs().max().item<float>();
        output.WriteLine($"{name} {weighting}: max |Φ(accumulator) − weighted mean φ| = {diff:E3}");
        Assert.True(diff <= 1e-5);
    }
}
