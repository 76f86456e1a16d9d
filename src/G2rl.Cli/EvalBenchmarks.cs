using G2rl.Data;
using G2rl.Evaluation;
using G2rl.Grading;
using G2rl.Model;
using G2rl.Tokenization;

namespace G2rl.Cli;

/// <summary>
/// The benchmark loop of <c>g2rl eval</c> that keeps finished work: samples are appended to samples.jsonl batch by batch
/// (`--batch-prompts` problems at a time) as they are graded, each benchmark's metrics are written as it finishes, and a
/// benchmark that fails is named and skipped (its samples so far stay in samples.jsonl), not fatal to the others.
/// </summary>
internal sealed class EvalBenchmarks(ICausalLm model, ITextTokenizer tokenizer, PromptTemplate prompt, EvalOptions options, string? outDir)
{
    public List<EvalSample> Samples { get; } = [];

    public List<ProblemResult> Results { get; } = [];

    /// <summary>"name: message" of each benchmark that failed.</summary>
    public List<string> Failures { get; } = [];

    public void Run(IReadOnlyList<(string Name, IReadOnlyList<Problem> Problems)> sets, int limit)
    {
        if (outDir is not null)
        {
            File.Delete(Path.Combine(outDir, "samples.jsonl"));
        }
        foreach (var (name, problems) in sets)
        {
            var subset = limit > 0 ? problems.Take(limit).ToList() : problems;
            try
            {
                if (subset.Count == 0)
                {
                    throw new G2rlException("no problems");
                }
                var progress = new Progress<int>(done => Console.Error.Write($"\r{name}: {done}/{subset.Count} problems"));
                Action<IReadOnlyList<EvalSample>>? stream = outDir is null ? null : batch => EvalReport.AppendSamples(outDir, batch);
                var (s, r) = Evaluator.Run(model, tokenizer, prompt, name, subset, GradingVerifier.Instance, Equivalence(subset[0].Kind), options, progress, stream);
                Console.Error.WriteLine();
                if (outDir is not null)
                {
                    EvalReport.WriteBenchmarkMetrics(outDir, name, BenchmarkMetrics.Compute(name, r, bootstrapSeed: (int)options.Seed));
                }
                Samples.AddRange(s);
                Results.AddRange(r);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                Console.Error.WriteLine();
                Failures.Add($"{name}: {CliRunner.OneLine(ex.Message)}");
                Console.Error.WriteLine($"benchmark '{name}' failed: {CliRunner.OneLine(ex.Message)}; continuing with the others");
            }
        }
    }

    private static Func<string, string, bool> Equivalence(AnswerKind kind) => kind == AnswerKind.Choice
        ? (a, b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase)
        : MathEquivalence.AreEquivalent;
}
