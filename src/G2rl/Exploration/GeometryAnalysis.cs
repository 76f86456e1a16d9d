using G2rl.Data;
using G2rl.Evaluation;
using G2rl.Model;
using G2rl.Sampling;
using G2rl.Tokenization;
using TorchSharp;
using static TorchSharp.torch;

namespace G2rl.Exploration;

/// <summary>
/// The paper's §3.5 analysis: for each problem, sample n responses, compute their sequence gradient features Φ (at the
/// sampling temperature, uniform token weights) and, optionally, sentence embeddings, and summarise the within-problem
/// pairwise cosines (mean, share of negative pairs, share of near-orthogonal pairs, histogram).
/// </summary>
public static class GeometryAnalysis
{
    public static GeometryResult Run(
        string modelName, ICausalLm model, ITextTokenizer tokenizer, PromptTemplate template, IReadOnlyList<Problem> problems,
        int samples, double temperature, int maxNewTokens, long seed, ISentenceEncoder? encoder, int promptsPerBatch = 8)
    {
        if (samples < 2)
        {
            throw new G2rlException("the geometry analysis needs at least 2 samples per problem");
        }
        var sampler = new BatchedSampler(model, tokenizer);
        var options = new SamplingOptions
        {
            Temperature = temperature,
            MaxNewTokens = maxNewTokens,
            EosTokenIds = StopTokens.Of(model.Config, tokenizer, template),
        };
        var pad = tokenizer.PadTokenId ?? tokenizer.EosTokenId ?? 0;
        var texts = new List<IReadOnlyList<string>>();
        var gradientPairs = new List<double[]>();
        var semanticPairs = new List<double[]>();
        for (var start = 0; start < problems.Count; start += promptsPerBatch)
        {
            var chunk = problems.Skip(start).Take(promptsPerBatch).ToList();
            var output = sampler.Sample([.. chunk.Select(p => tokenizer.Encode(template.Render(p)))], samples, options, seed + start);
            var phi = Features(model, output, pad, temperature);
            for (var i = 0; i < chunk.Count; i++)
            {
                var group = output.Skip(i * samples).Take(samples).ToList();
                texts.Add([.. group.Select(s => s.Text)]);
                gradientPairs.Add(PairwiseCosine.Pairs(phi.Skip(i * samples).Take(samples).ToList()));
                if (encoder is not null)
                {
                    semanticPairs.Add(PairwiseCosine.Pairs(encoder.Encode([.. group.Select(s => s.Text)])));
                }
            }
        }
        return new GeometryResult(
            modelName, [.. problems.Select(p => p.Id)], texts,
            gradientPairs, PairwiseCosine.SummarizePairs(gradientPairs),
            encoder is null ? null : semanticPairs, encoder is null ? null : PairwiseCosine.SummarizePairs(semanticPairs));
    }

    private static List<double[]> Features(ICausalLm model, IReadOnlyList<SampledSequence> output, int pad, double temperature)
    {
        using var scope = NewDisposeScope();
        using var batch = RolloutBatch.Build(output, pad, model.Device);
        var phi = GradientFeatures.SequenceFeatures(model, batch.InputIds, batch.AttentionMask, batch.TargetMask, temperature).to(ScalarType.Float64).cpu();
        var d = (int)phi.shape[1];
        var flat = phi.data<double>().ToArray();
        return [.. Enumerable.Range(0, (int)phi.shape[0]).Select(r => flat.AsSpan(r * d, d).ToArray())];
    }
}
