using G2rl.Model;
using G2rl.Rl;
using TorchSharp;
using static TorchSharp.torch;

namespace G2rl.Training;

/// <summary>
/// Supervised fine-tuning (teacher forcing): minimises the mean negative log-likelihood of the response tokens given the
/// prompt, with AdamW, warmup + cosine learning rate and gradient clipping. Used to warm-start the demo's base policy.
/// </summary>
public sealed class SupervisedTrainer(Qwen3ForCausalLM model, double lr, int totalSteps, int warmupSteps = 20, double weightDecay = 0.01, double gradClip = 1.0) : IDisposable
{
    private readonly AdamW optimizer = new(model.named_parameters(), 0.9, 0.98, 1e-8, weightDecay);
    private readonly LearningRateSchedule schedule = new(lr, warmupSteps, totalSteps, ScheduleKind.Cosine, 0.1);
    private int step;

    /// <summary>One update on a batch; returns the mean response-token NLL before the update.</summary>
    public double Step(IReadOnlyList<SupervisedExample> batch, int padId)
    {
        using var scope = NewDisposeScope();
        var width = batch.Max(e => e.Prompt.Count + e.Response.Count);
        var ids = new long[batch.Count * width];
        var attention = new long[batch.Count * width];
        var targets = new float[batch.Count * (width - 1)];
        Array.Fill(ids, padId);
        for (var b = 0; b < batch.Count; b++)
        {
            var tokens = batch[b].Prompt.Concat(batch[b].Response).ToArray();
            for (var t = 0; t < tokens.Length; t++)
            {
                ids[(b * width) + t] = tokens[t];
                attention[(b * width) + t] = 1;
            }
            for (var t = batch[b].Prompt.Count - 1; t < tokens.Length - 1; t++)
            {
                targets[(b * (width - 1)) + t] = 1;
            }
        }
        var device = model.Device;
        var idT = torch.tensor(ids, [batch.Count, width], device: device);
        var attT = torch.tensor(attention, [batch.Count, width], device: device);
        var tgtT = torch.tensor(targets, [batch.Count, width - 1], device: device);
        var hidden = model.Hidden(idT, AttentionMasks.PositionIds(attT), AttentionMasks.Causal(attT, 0, width, model.DType));
        var (logp, _) = TokenLogProbs.Compute(hidden, model.LmHeadWeight, idT, tgtT);
        var loss = -LossAggregator.Aggregate(logp, tgtT, LossAggregation.TokenMean);
        optimizer.ZeroGrad();
        loss.backward();
        GradientClipping.ClipByGlobalNorm(model.parameters(), gradClip);
        optimizer.Step(schedule.At(step++));
        return loss.item<float>();
    }

    public void Dispose() => optimizer.Dispose();
}
