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

    /// <summary>ids [B, T] int64 → [B, T, d].</summary>
    public override Tensor forward(Tensor ids)
    {
        var flat = weight.index_select(0, ids.reshape(-1));
        return flat.view([.. ids.shape, weight.shape[1]]);
    }
}
