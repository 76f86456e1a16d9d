using G2rl.Evaluation;
using static TorchSharp.torch;

namespace G2rl.Exploration;

/// <summary>The EVOL-RL baseline: replaces the rewards by <see cref="EvolNovelty"/> of the responses' final parts under an external encoder.</summary>
public sealed class EvolExploration(ISentenceEncoder encoder, int tailChars, bool ownsEncoder = true) : IExplorationMethod
{
    public string Name => "evol";

    public double EntropyBonus => 0;

    public IFeatureSink? BeginStep(int rows, int vocabSize, Device device) => null;

    public ShapingResult Shape(ShapingInput input)
    {
        var texts = input.Texts.SelectMany(t => t).Select(t => tailChars > 0 && t.Length > tailChars ? t[^tailChars..] : t).ToList();
        var embeddings = encoder.Encode(texts);
        var g = input.Rewards[0].Length;
        var shaped = new double[input.Rewards.Length][];
        var groups = new List<IReadOnlyList<float[]>>();
        for (var p = 0; p < input.Rewards.Length; p++)
        {
            var group = embeddings.Skip(p * g).Take(g).ToList();
            groups.Add(group);
            shaped[p] = EvolNovelty.Rewards(group, input.Correct[p], input.HasAnswer[p]);
        }
        var cos = PairwiseCosine.Summarize(groups);
        return new ShapingResult(shaped, new Dictionary<string, double> { ["embedding_cosine_mean"] = cos.Mean });
    }

    public void Dispose()
    {
        if (ownsEncoder)
        {
            (encoder as IDisposable)?.Dispose();
        }
    }
}
