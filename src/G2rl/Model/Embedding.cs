using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace G2rl.Model;

/// <summary>Token embedding table with an uninitialised [V, d] "weight" parameter.</summary>
public sealed class Embedding : nn.Module<Tensor, Tensor>
{
    private readonly Parameter weight;

    public Embedding(long vocab, long dim, ScalarType dtype, Device device) : base(nameof(Embedding))
    {
        weight = new Parameter(torch.empty([vocab, dim], dtype, device));
        RegisterComponents();
    }

    /// <summary>[V, d] table (also the tied LM head).</summary>
    public Parameter Weight => weight;

    /// <summary>
    /// In grad mode, mark the output as requiring grad even when the table is frozen (LoRA): a checkpointed decoder layer
    /// only runs its backward when its input requires grad (transformers' enable_input_require_grads).
    /// </summary>
    public bool OutputRequiresGrad { get; set; }

    /// <summary>ids [B, T] int64 → [B, T, d].</summary>
    public override Tensor forward(Tensor ids)
    {
        var flat = weight.index_select(0, ids.reshape(-1));
        if (OutputRequiresGrad && !flat.requires_grad && torch.is_grad_enabled())
        {
            flat.requires_grad_(true);
        }
        return flat.view([.. ids.shape, weight.shape[1]]);
    }
}
