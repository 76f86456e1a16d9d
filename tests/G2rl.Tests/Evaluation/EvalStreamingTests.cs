using G2rl.Evaluation;
using G2rl.Tests.Support;
using G2rl.Tests.Training;

namespace G2rl.Tests.Evaluation;

/// <summary>Evaluation hands each batch's graded samples out as soon as the batch is done (what `g2rl eval` streams to samples.jsonl).</summary>
public sealed class EvalStreamingTests : IDisposable
{
    private readonly TempDir temp = new();

    [Fact]
    public void Each_batch_is_delivered_once_in_order_and_together_they_are_the_result()
    {
        var config = TinyTraining.Config(temp.Sub("run"));
        using var context = TinyTraining.Context(config);
        var problems = context.TrainProblems;
        var options = new EvalOptions { Samples = 2, MaxNewTokens = 3, Temperature = 1.0, Seed = 7, PromptsPerBatch = 4 };
        var batches = new List<IReadOnlyList<EvalSample>>();
        var (samples, _) = Evaluator.Run(context.Policy, context.Tokenizer, context.Template, "tiny", problems, context.Verifier, null, options,
            onSamples: b => batches.Add([.. b]));
        Assert.Equal([8, 4], batches.Select(b => b.Count)); // 6 problems in batches of 4 and 2, 2 samples each
        Assert.Equal(problems.Take(4).Select(p => p.Id), batches[0].Select(s => s.ProblemId).Distinct());
        Assert.Equal(problems.Skip(4).Select(p => p.Id), batches[1].Select(s => s.ProblemId).Distinct());
        Assert.Equal(samples, batches.SelectMany(b => b));
    }

    [Fact]
    public void Appended_batches_are_on_disk_before_the_benchmark_finishes()
    {
        var config = TinyTraining.Config(temp.Sub("run"));
        using var context = TinyTraining.Context(config);
        var dir = temp.Sub("eval");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, "samples.jsonl");
        var linesSeen = new List<int>();
        var options = new EvalOptions { Samples = 2, MaxNewTokens = 3, Temperature = 1.0, Seed = 7, PromptsPerBatch = 2 };
        Evaluator.Run(context.Policy, context.Tokenizer, context.Template, "tiny", context.TrainProblems, context.Verifier, null, options,
            onSamples: b =>
            {
                EvalReport.AppendSamples(dir, b);
                linesSeen.Add(File.ReadAllLines(path).Length);
            });
        Assert.Equal([4, 8, 12], linesSeen);
    }

    public void Dispose() => temp.Dispose();
}
