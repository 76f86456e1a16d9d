using G2rl.Sampling;
using G2rl.Model;
using G2rl.Rl;
using G2rl.Training.Config;
using TorchSharp;
using static TorchSharp.torch;

namespace G2rl.Training;

/// <summary>
/// Stage 5: PPO-clip + β·KL − c_H·entropy over micro-batches with gradient accumulation, global-norm clipping and an
/// AdamW step per mini-batch. Micro-batch losses are scaled so that their sum is exactly the mini-batch aggregate.
/// A mini-batch whose loss or gradient norm is not finite is skipped (no update) and counted.
/// </summary>
public sealed class UpdateStage(Qwen3ForCausalLM policy, AdamW optimizer, TrainConfig config, TrainingOptions options, double entropyBonus)
{
    private PolicyTerm? term;

    /// <summary>Runs ppo_epochs × mini_batches updates on the step's rollouts with advantages [N] float32.</summary>
    public UpdateMetrics Run(RolloutBatch batch, StepLogProbs logProbs, Tensor advantages, double lr, long seed)
    {
        var sums = new Sums();
        using var policyTerm = PolicyTerm.ForStep(batch, logProbs, config);
        term = policyTerm;
        int steps = 0, skipped = 0;
        for (var epoch = 0; epoch < config.Batch.PpoEpochs; epoch++)
        {
            foreach (var mini in MicroBatches.MiniBatches(batch.Rows, config.Batch.MiniBatches, Seeds.Derive(seed, "minibatch", epoch)))
            {
                optimizer.ZeroGrad();
                var finite = RunMiniBatch(batch, logProbs, advantages, mini, sums);
                var norm = GradientClipping.ClipByGlobalNorm(optimizer.Gradients(), config.Optim.GradClip);
                sums.GradNorm += double.IsFinite(norm) ? norm : 0;
                if (finite && double.IsFinite(norm))
                {
                    optimizer.Step(lr);
                    steps++;
                }
                else
                {
                    skipped++;
                }
                optimizer.ZeroGrad();
            }
        }
        var tokens = Math.Max(1, sums.Tokens);
        var n = Math.Max(1, steps + skipped);
        return new UpdateMetrics(sums.Loss / n, sums.Pg / tokens, sums.Kl / tokens, sums.Entropy / tokens, sums.Clipped / tokens, sums.Ratio / tokens, sums.GradNorm / n, steps, skipped);
    }

    private bool RunMiniBatch(RolloutBatch batch, StepLogProbs logProbs, Tensor advantages, IReadOnlyList<int> mini, Sums sums)
    {
        var totalTokens = mini.Sum(r => batch.Samples[r].ResponseIds.Count);
        var finite = true;
        foreach (var micro in MicroBatches.Plan(mini, batch.PaddedWidth, config.Batch.MicroBatchSize, config.Batch.MaxTokensPerMicroBatch))
        {
            using var scope = NewDisposeScope();
            var (ids, _, targets, width) = batch.Slice(micro);
            var index = torch.tensor(micro.Select(r => (long)r).ToArray(), device: ids.device);
            var hidden = policy.HiddenCausal(ids);
            var (logp, entropy) = TokenLogProbs.Compute(hidden, policy.LmHeadWeight, ids, targets, config.Rollout.Temperature, config.Batch.LogprobChunk, withEntropy: entropyBonus > 0);
            var old = logProbs.Old.index_select(0, index).narrow(1, 0, width - 1);
            var (pg, clipped) = term!.Compute(logp, old, targets, advantages.index_select(0, index), index);
            var loss = Part(pg, targets, term.Tokens(mini, totalTokens), term.Sequences(mini));
            Tensor? kl = null;
            if (config.Loss.KlCoef > 0 && logProbs.Reference is { } reference)
            {
                kl = KlPenalty.PerToken(logp, reference.index_select(0, index).narrow(1, 0, width - 1), options.Kl);
                loss = loss + (config.Loss.KlCoef * Part(kl, targets, totalTokens, mini.Count));
            }
            if (entropyBonus > 0)
            {
                loss = loss - (entropyBonus * Part(entropy, targets, totalTokens, mini.Count));
            }
            var lossValue = loss.item<float>();
            if (!float.IsFinite(lossValue))
            {
                finite = false;
                continue;
            }
            loss.backward();
            optimizer.AccumulateGradients();
            using var noGrad = torch.no_grad();
            sums.Loss += lossValue;
            sums.Tokens += targets.sum().item<float>();
            sums.Pg += (pg * targets).sum().item<float>();
            sums.Kl += kl is null ? 0 : (kl * targets).sum().item<float>();
            sums.Entropy += (entropyBonus > 0 ? entropy : logProbs.Entropy.index_select(0, index).narrow(1, 0, width - 1)).mul(targets).sum().item<float>();
            sums.Clipped += (clipped.to(ScalarType.Float32) * targets).sum().item<float>();
            sums.Ratio += ((logp - old).exp() * targets).sum().item<float>();
        }
        return finite;
    }

    private Tensor Part(Tensor perToken, Tensor mask, double totalTokens, int totalSequences) =>
        LossAggregator.AggregatePart(perToken, mask, options.Aggregation, config.Rollout.MaxNewTokens, totalTokens, totalSequences);

    private sealed class Sums
    {
        public double Loss;
        public double Tokens;
        public double Pg;
        public double Kl;
        public double Entropy;
        public double Clipped;
        public double Ratio;
        public double GradNorm;
    }
}
