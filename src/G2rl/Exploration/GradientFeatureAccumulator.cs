using G2rl.Rl;
using TorchSharp;
using static TorchSharp.torch;

namespace G2rl.Exploration;

/// <summary>
/// Sequence gradient features Φ (paper eq. 5–8, §2.6) without an extra backward pass and without a [T, d] tensor per
/// token: during the no-grad log-prob pass of the behaviour policy (so p_t is exactly π_old's distribution at the rollout
/// temperature) it accumulates per row ρ̄ = Σ_t α_t (onehot(y_t) − p_t) ∈ R^V and Σ_t α_t, then finishes with one
/// mat-vec per row: Φ = Eᵀ ρ̄ / Σα, i.e. Φ = Σ_t α̃_t φ_t with φ_t = E[y_t] − Eᵀ p_t. Memory: [N, V] float32.
/// </summary>
public sealed class GradientFeatureAccumulator : IFeatureSink
{
    private readonly Tensor rho;
    private readonly Tensor alphaSum;
    private readonly FeatureWeighting weighting;

    public GradientFeatureAccumulator(int rows, int vocabSize, Device device, FeatureWeighting weighting = FeatureWeighting.Uniform)
    {
        rho = torch.zeros([rows, vocabSize], ScalarType.Float32, device);
        alphaSum = torch.zeros([rows], ScalarType.Float32, device);
        this.weighting = weighting;
    }

    /// <summary>Rows accumulated.</summary>
    public long Rows => rho.shape[0];

    public IChunkObserver ForRows(IReadOnlyList<int> rows, long targetColumns) => new Observer(this, rows, targetColumns);

    /// <summary>Φ [N, d] float32 = (ρ̄ / Σα) · E for the LM-head weight E [V, d]; rows without tokens give zero vectors.</summary>
    public Tensor Finish(Tensor lmHead)
    {
        using var scope = NewDisposeScope();
        using var noGrad = torch.no_grad();
        var normalised = rho / (alphaSum + 1e-12).unsqueeze(1);
        return normalised.matmul(lmHead.to(ScalarType.Float32)).MoveToOuterDisposeScope();
    }

    public void Dispose()
    {
        rho.Dispose();
        alphaSum.Dispose();
    }

    private sealed class Observer(GradientFeatureAccumulator owner, IReadOnlyList<int> rows, long targetColumns) : IChunkObserver
    {
        private readonly Tensor globalRows = torch.tensor(rows.Select(r => (long)r).ToArray(), device: owner.rho.device);

        public void Observe(Tensor positions, Tensor probs, Tensor targets)
        {
            using var scope = NewDisposeScope();
            var row = globalRows.index_select(0, positions.div(targetColumns, rounding_mode: RoundingMode.floor));
            var vocab = owner.rho.shape[1];
            Tensor alpha;
            if (owner.weighting == FeatureWeighting.Entropy)
            {
                alpha = -(probs * probs.clamp_min(1e-30).log()).sum(-1);
                owner.rho.index_add_(0, row, probs * alpha.unsqueeze(1), -1.0);
            }
            else
            {
                // α ≡ 1: subtract p_t straight from its row's accumulator (one pass over [n, V], no temporaries).
                alpha = torch.ones([probs.shape[0]], ScalarType.Float32, probs.device);
                owner.rho.index_add_(0, row, probs, -1.0);
            }
            // + α_t at (row, y_t): a scatter of n values into the flattened accumulator.
            owner.rho.view(-1).index_add_(0, (row * vocab) + targets, alpha, 1.0);
            owner.alphaSum.index_add_(0, row, alpha, 1.0);
        }
    }
}
