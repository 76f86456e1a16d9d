using G2rl.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace G2rl.Tests.Sampling;

/// <summary>
/// A weightless mock: the next token is always (last token + 1) mod V with overwhelming probability. The hidden state is
/// the one-hot of the input token (d = V) and the LM head is the successor permutation, scaled.
/// </summary>
internal sealed class SuccessorMockLm : ICausalLm, IDisposable
{
    private readonly Tensor head;

    public SuccessorMockLm(int vocab = 16, double scale = 50)
    {
        Config = new Qwen3Config
        {
            VocabSize = vocab, HiddenSize = vocab, IntermediateSize = 4, NumHiddenLayers = 1,
            NumAttentionHeads = 1, NumKeyValueHeads = 1, HeadDim = 2, MaxPositionEmbeddings = 512,
        };
        // logits[j] = scale · h[(j − 1) mod V]: row j of E is the one-hot of j − 1.
        head = torch.eye(vocab).roll(1, 0).mul(scale).DetachFromDisposeScope();
    }

    public Qwen3Config Config { get; }

    public Device Device => CPU;

    public ScalarType DType => ScalarType.Float32;

    public Tensor LmHeadWeight => head;

    public int HiddenCalls { get; private set; }

    public Tensor Hidden(Tensor inputIds, Tensor positionIds, Tensor mask, KvCache? cache = null, long cacheStart = 0)
    {
        HiddenCalls++;
        return nn.functional.one_hot(inputIds, Config.VocabSize).to(ScalarType.Float32);
    }

    public Tensor Logits(Tensor hidden) => nn.functional.linear(hidden, head);

    public void Dispose() => head.Dispose();
}
