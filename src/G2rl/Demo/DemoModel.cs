using G2rl.Model;
using G2rl.Tasks;
using G2rl.Tokenization;

namespace G2rl.Demo;

/// <summary>The demo's policy architecture: a small Qwen3 (4 layers, d = 128, GQA 4/2 heads, tied embeddings) over a character tokenizer of the task's alphabet.</summary>
public static class DemoModel
{
    public static CharTokenizer Tokenizer(ISyntheticTask task) => new(task.Alphabet.Select(c => c.ToString()));

    public static Qwen3Config Config(CharTokenizer tokenizer) => new()
    {
        VocabSize = tokenizer.VocabSize,
        HiddenSize = 128,
        IntermediateSize = 384,
        NumHiddenLayers = 4,
        NumAttentionHeads = 4,
        NumKeyValueHeads = 2,
        HeadDim = 32,
        RopeTheta = 10_000,
        MaxPositionEmbeddings = 96,
        TieWordEmbeddings = true,
        BosTokenId = tokenizer.TokenToId("<bos>"),
        EosTokenIds = [tokenizer.EosTokenId!.Value],
        PadTokenId = tokenizer.PadTokenId,
    };
}
