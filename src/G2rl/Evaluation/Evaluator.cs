using G2rl.Data;
using G2rl.Model;
using G2rl.Sampling;
using G2rl.Tokenization;

namespace G2rl.Evaluation;

/// <summary>
/// Samples n responses per problem with the rollout engine (the continuous-batching <see cref="BatchedSampler"/>, at most
/// <see cref="EvalOptions.MaxNumSeqs"/> rows at once; stops on the template's end-of-turn and the checkpoint's EOS), grades
/// them, and votes (maj@n) when an equivalence is given.
/// </summary>
public static class Evaluator
{
    /// <summary>
    /// Evaluates <paramref name="problems"/> of <paramref name="benchmark"/>. <paramref name="equivalent"/> groups extracted answers
    /// for majority voting (null: no maj@k). Deterministic for <see cref="EvalOptions.Seed"/>. <paramref name="onSamples"/> (optional)
    /// receives each batch's graded samples as soon as the batch is done, so a caller can stream them to disk.
    /// </summary>
    public static (IReadOnlyList<EvalSample> Samples, IReadOnlyList<ProblemResult> Results) Run(
        ICausalLm model, ITextTokenizer tokenizer, PromptTemplate template, string benchmark, IReadOnlyList<Problem> problems,
        IProblemVerifier verifier, Func<string, string, bool>? equivalent, EvalOptions options, IProgress<int>? progress = null,
        Action<IReadOnlyList<EvalSample>>? onSamples = null)
    {
        var sampler = new BatchedSampler(model, tokenizer) { MaxNumSeqs = options.MaxNumSeqs };
        var sampling = new SamplingOptions
        {
            Temperature = options.Temperature,
            TopP = options.TopP,
            MaxNewTokens = options.MaxNewTokens,
            EosTokenIds = StopTokens.Of(model.Config, tokenizer, template),
        };
        var samples = new List<EvalSample>();
        var results = new List<ProblemResult>();
        for (var start = 0; start < problems.Count; start += options.PromptsPerBatch)
        {
            var chunk = problems.Skip(start).Take(options.PromptsPerBatch).ToList();
            var prompts = chunk.Select(p => tokenizer.Encode(template.Render(p))).ToList();
            var output = sampler.Sample(prompts, options.Samples, sampling, options.Seed + start);
            for (var i = 0; i < chunk.Count; i++)
            {
                var problem = chunk[i];
                var graded = Enumerable.Range(0, options.Samples).Select(j =>
                {
                    var s = output[(i * options.Samples) + j];
                    var grade = verifier.Verify(problem, s.Text);
                    return new EvalSample(benchmark, problem.Id, j, s.Text, grade.Extracted, grade.Correct, s.Finish.ToString().ToLowerInvariant(), s.ResponseIds.Count);
                }).ToList();
                samples.AddRange(graded);
                bool? majority = equivalent is null ? null : MajorityVote.IsCorrect(
                    graded.Select(g => g.Extracted).ToList(), graded.Select(g => g.Correct).ToList(), graded.Count, equivalent,
                    new Random(unchecked((int)(options.Seed + start + i))));
                results.Add(new ProblemResult(benchmark, problem.Id, graded.Select(g => g.Correct).ToList(), majority));
            }
            onSamples?.Invoke(samples.GetRange(samples.Count - (chunk.Count * options.Samples), chunk.Count * options.Samples));
            progress?.Report(Math.Min(problems.Count, start + chunk.Count));
        }
        return (samples, results);
    }
}
