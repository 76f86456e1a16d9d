using G2rl.Data;
using G2rl.Demo;
using G2rl.Grading;
using G2rl.Model;
using G2rl.Tasks;
using G2rl.Tokenization;

namespace G2rl.Bench;

/// <summary>
/// The models of the <c>features</c> benchmark: <c>demo</c> (the demo's policy shape on its countdown task, EOS on),
/// <c>medium</c> (the harness's 42M model, vocab 32,768) and <c>vocab-152k</c> (Qwen3's 151,936-token vocabulary on a
/// d 256, 2-layer body: the [N, V] feature work is largest relative to the model). The last two decode a fixed length
/// (no EOS) from random prompts, graded by a verifier that looks only at the first character.
/// </summary>
internal static class FeaturesCases
{
    private static readonly string[] Names = ["demo", "medium", "vocab-152k"];

    /// <summary>Qwen3's vocabulary with a small body: 38.9M of its parameters are the tied embedding.</summary>
    public static readonly Qwen3Config Vocab152k = new()
    {
        VocabSize = 151_936,
        HiddenSize = 256,
        IntermediateSize = 768,
        NumHiddenLayers = 2,
        NumAttentionHeads = 4,
        NumKeyValueHeads = 2,
        HeadDim = 64,
        TieWordEmbeddings = true,
        MaxPositionEmbeddings = 4_096,
    };

    /// <summary>Throws for an unknown name.</summary>
    public static void Check(string name)
    {
        if (!Names.Contains(name))
        {
            throw new G2rlException($"unknown model '{name}' for features: choose {string.Join(", ", Names)}");
        }
    }

    public static FeaturesCase Create(string name, FeaturesSettings s) => name switch
    {
        "demo" => Demo(s),
        "medium" => FixedLength(name, "the harness's medium model (Qwen3-shaped, vocab 32k)", ModelCatalog.Medium, s),
        "vocab-152k" => FixedLength(name, "Qwen3's vocabulary, small body", Vocab152k, s),
        _ => throw new G2rlException($"unknown model '{name}'"),
    };

    private static FeaturesCase Demo(FeaturesSettings s)
    {
        var task = TaskRegistry.Get("countdown");
        var tokenizer = DemoModel.Tokenizer(task);
        var split = TaskSplits.Create(task, 1, 200, 0, 1);
        return new FeaturesCase(
            "demo", "the demo's policy shape on countdown (difficulty 1), EOS on, 20 new tokens at most (the demo's limit for this task)", DemoModel.Config(tokenizer), tokenizer,
            split.Train, task.Verifier, s.Prompts ?? 8, s.Group ?? 8, s.NewTokens ?? 20, StopsAtEos: true);
    }

    private static FeaturesCase FixedLength(string name, string description, Qwen3Config config, FeaturesSettings s)
    {
        var tokenizer = new NoEosTokenizer(config.VocabSize);
        var promptTokens = s.PromptTokens ?? 32;
        var prompts = PromptFactory.Random(64, promptTokens, config.VocabSize, s.Seed);
        var problems = prompts.Select((p, i) => new Problem($"{name}-{i}", tokenizer.Decode(p.Select(x => x)), "", AnswerKind.Math, null, name)).ToList();
        return new FeaturesCase(
            name, $"{description}, random {promptTokens}-token prompts, EOS off", config, tokenizer, problems,
            new FirstCharacterVerifier(), s.Prompts ?? 4, s.Group ?? 8, s.NewTokens ?? 128, StopsAtEos: false);
    }
}
