using G2rl.Data;
using G2rl.Evaluation;
using G2rl.Exploration;
using G2rl.Model;
using G2rl.Sampling;
using G2rl.Tasks;
using G2rl.Tokenization;

namespace G2rl.Demo;

/// <summary>Held-out evaluation of one policy: per-problem correctness of n samples, maj@n, distinct correct solutions, and the §3.5 geometry.</summary>
public sealed record DemoEvaluation(IReadOnlyList<ProblemResult> Results, IReadOnlyList<double> DistinctSolutions, GeometryResult Geometry)
{
    /// <summary>
    /// Samples <see cref="DemoOptions.EvalSamples"/> responses per held-out problem at the evaluation temperature. maj@n votes over
    /// answers where every verified-correct response counts as the same answer (they all reach the target) and an incorrect one
    /// is its own expression.
    /// </summary>
    public static DemoEvaluation Run(string name, ICausalLm model, CharTokenizer tokenizer, ISyntheticTask task, IReadOnlyList<Problem> heldOut,
        DemoOptions options, long seed, ISentenceEncoder? encoder)
    {
        var template = PromptTemplate.Custom("{question}");
        var sampler = new BatchedSampler(model, tokenizer);
        var sampling = new SamplingOptions { Temperature = options.EvalTemperature, MaxNewTokens = options.MaxNewTokens, EosTokenIds = [tokenizer.EosTokenId!.Value] };
        var results = new List<ProblemResult>();
        var distinct = new List<double>();
        const int PromptsPerCall = 32;
        for (var start = 0; start < heldOut.Count; start += PromptsPerCall)
        {
            var chunk = heldOut.Skip(start).Take(PromptsPerCall).ToList();
            var output = sampler.Sample([.. chunk.Select(p => tokenizer.Encode(template.Render(p)))], options.EvalSamples, sampling, seed + start);
            for (var i = 0; i < chunk.Count; i++)
            {
                var texts = output.Skip(i * options.EvalSamples).Take(options.EvalSamples).Select(s => s.Text).ToList();
                var grades = texts.Select(t => task.Verifier.Verify(chunk[i], t)).ToList();
                var correct = grades.Select(g => g.Correct).ToList();
                var answers = grades.Select(g => g.Correct ? "✓" : g.Extracted).ToList();
                var majority = MajorityVote.IsCorrect(answers, correct, answers.Count, string.Equals, new Random(unchecked((int)(seed + start + i))));
                results.Add(new ProblemResult(task.Name, chunk[i].Id, correct, majority));
                distinct.Add(texts.Select(t => task.SolutionKey(chunk[i], t)).Where(k => k is not null).Distinct().Count());
            }
        }
        var geometry = GeometryAnalysis.Run(name, model, tokenizer, template, [.. heldOut.Take(options.GeometryProblems)], options.GeometrySamples,
            options.EvalTemperature, options.MaxNewTokens, seed + 7919, encoder);
        return new DemoEvaluation(results, distinct, geometry);
    }
}
