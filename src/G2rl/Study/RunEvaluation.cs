using G2rl.Evaluation;
using G2rl.Exploration;
using G2rl.Model;
using G2rl.Sampling;
using G2rl.Tokenization;

namespace G2rl.Study;

/// <summary>Held-out evaluation of one policy: per-problem correctness of n samples, maj@n, distinct correct solutions, and the §3.5 geometry (null when disabled).</summary>
public sealed record RunEvaluation(IReadOnlyList<ProblemResult> Results, IReadOnlyList<double> DistinctSolutions, GeometryResult? Geometry)
{
    /// <summary>
    /// Samples <see cref="StudyEval.Samples"/> responses per held-out problem at the evaluation temperature. maj@n votes over
    /// answers where every verified-correct response counts as the same answer (they all reach the target) and an incorrect one
    /// is its own extracted answer. With validation = true it evaluates <see cref="StudyPlan.Validation"/> instead of the
    /// held-out set, without geometry.
    /// </summary>
    public static RunEvaluation Run(string name, ICausalLm model, ITextTokenizer tokenizer, StudyPlan plan, int maxNewTokens, ISentenceEncoder? encoder, bool validation = false)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var eval = plan.Eval;
        var heldOut = validation ? plan.Validation : plan.HeldOut;
        var setName = validation ? "validation" : plan.HeldOutName;
        var seed = plan.EvalSeed;
        var sampler = new BatchedSampler(model, tokenizer);
        var sampling = new SamplingOptions { Temperature = eval.Temperature, MaxNewTokens = maxNewTokens, EosTokenIds = StopTokens.Of(model.Config, tokenizer) };
        var key = plan.SolutionKey ?? ((_, text) => text.Trim());
        var results = new List<ProblemResult>();
        var distinct = new List<double>();
        for (var start = 0; start < heldOut.Count; start += eval.PromptsPerCall)
        {
            var chunk = heldOut.Skip(start).Take(eval.PromptsPerCall).ToList();
            var output = sampler.Sample([.. chunk.Select(p => tokenizer.Encode(plan.Prompt.Render(p)))], eval.Samples, sampling, seed + start);
            for (var i = 0; i < chunk.Count; i++)
            {
                var texts = output.Skip(i * eval.Samples).Take(eval.Samples).Select(s => s.Text).ToList();
                var grades = texts.Select(t => plan.Verifier.Verify(chunk[i], t)).ToList();
                var correct = grades.Select(g => g.Correct).ToList();
                var answers = grades.Select(g => g.Correct ? "✓" : g.Extracted).ToList();
                var majority = MajorityVote.IsCorrect(answers, correct, answers.Count, string.Equals, new Random(unchecked((int)(seed + start + i))));
                results.Add(new ProblemResult(setName, chunk[i].Id, correct, majority));
                distinct.Add(texts.Where((_, j) => correct[j]).Select(t => key(chunk[i], t)).Where(k => k is not null).Distinct().Count());
            }
        }
        var geometry = eval.GeometryProblems <= 0 || validation ? null
            : GeometryAnalysis.Run(name, model, tokenizer, plan.Prompt, [.. heldOut.Take(eval.GeometryProblems)], eval.GeometrySamples,
                eval.Temperature, maxNewTokens, seed + 7919, encoder);
        return new RunEvaluation(results, distinct, geometry);
    }
}
