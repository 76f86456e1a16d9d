using System.Text.Json.Nodes;
using G2rl.Checkpoints;
using G2rl.Demo;
using G2rl.Model;
using G2rl.Study;
using G2rl.Tasks;
using G2rl.Tests.Support;
using static TorchSharp.torch;

namespace G2rl.Tests.Study;

public sealed class StudyResumeTests
{
    private sealed class CountingObserver : IStudyObserver
    {
        public List<string> Messages { get; } = [];

        public int Steps { get; private set; }

        public void OnMessage(string message) => Messages.Add(message);

        public void OnRunStep(string method, int seed, int step, int steps, IReadOnlyDictionary<string, double> metrics) => Steps++;
    }

    /// <summary>A tiny study: a randomly initialised demo model, 2 methods × 1 seed × 1 step, 4 held-out problems, no geometry.</summary>
    private static StudyPlan TinyPlan(TempDir dir, int steps = 1)
    {
        var task = new CountdownTask();
        var baseDir = dir.Sub("base");
        if (!File.Exists(Path.Combine(baseDir, "model.safetensors")))
        {
            var tokenizer = DemoModel.Tokenizer(task);
            using var model = new Qwen3ForCausalLM(DemoModel.Config(tokenizer), ScalarType.Float32, CPU);
            Qwen3Init.Initialize(model, 3);
            HfCheckpoint.Save(model, baseDir, new HfSaveOptions { WriteExtraFiles = tokenizer.Save });
        }
        var options = new DemoOptions
        {
            Methods = ["grpo", "g2rl"], Seeds = 1, Steps = steps, TrainProblems = 8, HeldOutProblems = 4, PromptsPerStep = 2, GroupSize = 2,
            EvalSamples = 2, MaxNewTokens = 6, GeometryProblems = 0, OutputDirectory = dir.Sub("report"),
        }.Validate();
        var split = TaskSplits.Create(task, options.Seed, options.TrainProblems, options.HeldOutProblems, options.Difficulty);
        var plan = DemoPreset.Plan(options, task, split, baseDir);
        return plan with { Eval = plan.Eval with { Embedding = false } };
    }

    [Fact]
    public void A_finished_run_is_reused_and_only_missing_or_changed_runs_are_trained()
    {
        using var dir = new TempDir();
        var first = new CountingObserver();
        var a = new StudyRunner(TinyPlan(dir), first).Run(CancellationToken.None);
        Assert.Equal(2, first.Steps);
        Assert.All(a.Runs, r => Assert.True(File.Exists(Path.Combine(r.Directory, StudyRunStore.FileName))));

        var second = new CountingObserver();
        var b = new StudyRunner(TinyPlan(dir), second).Run(CancellationToken.None);
        Assert.Equal(0, second.Steps);
        Assert.Equal(2, second.Messages.Count(m => m.Contains("finished earlier", StringComparison.Ordinal)));
        for (var i = 0; i < a.Runs.Count; i++)
        {
            Assert.Equal(a.Runs[i].Evaluation.Results.Select(r => string.Concat(r.Correct.Select(c => c ? '1' : '0'))),
                b.Runs[i].Evaluation.Results.Select(r => string.Concat(r.Correct.Select(c => c ? '1' : '0'))));
            Assert.Equal(a.Runs[i].Steps[^1]["reward/mean"], b.Runs[i].Steps[^1]["reward/mean"]);
        }

        // Without its record, one run is trained again; the other is still reused.
        File.Delete(Path.Combine(b.Runs[1].Directory, StudyRunStore.FileName));
        var third = new CountingObserver();
        new StudyRunner(TinyPlan(dir), third).Run(CancellationToken.None);
        Assert.Equal(1, third.Steps);

        // Different settings (2 steps) do not match the records: both runs are trained again.
        var fourth = new CountingObserver();
        new StudyRunner(TinyPlan(dir, steps: 2), fourth).Run(CancellationToken.None);
        Assert.Equal(4, fourth.Steps);

        // A retrained base at the same path (new weight file) invalidates every record.
        File.SetLastWriteTimeUtc(Path.Combine(dir.Sub("base"), "model.safetensors"), DateTime.UtcNow.AddMinutes(1));
        var fifth = new CountingObserver();
        new StudyRunner(TinyPlan(dir, steps: 2), fifth).Run(CancellationToken.None);
        Assert.Equal(4, fifth.Steps);
    }

    private static IEnumerable<KeyValuePair<string, double>> NotTimings(IReadOnlyDictionary<string, double> metrics) =>
        metrics.Where(kv => !kv.Key.StartsWith("time/", StringComparison.Ordinal) && kv.Key != "tokens_per_second").OrderBy(kv => kv.Key, StringComparer.Ordinal);

    [Fact]
    public void Same_machine_same_threads_gives_bit_identical_runs()
    {
        // The reproducibility claim of docs/demo.md on one machine: two fresh studies (separate output folders, nothing
        // reused) with the same settings and thread count give identical evaluations and step metrics, to the last bit.
        using var one = new TempDir();
        using var two = new TempDir();
        var a = new StudyRunner(TinyPlan(one), new CountingObserver()).Run(CancellationToken.None);
        var b = new StudyRunner(TinyPlan(two), new CountingObserver()).Run(CancellationToken.None);
        Assert.Equal(a.Machine.Threads, b.Machine.Threads);
        for (var i = 0; i < a.Runs.Count; i++)
        {
            Assert.Equal(NotTimings(a.Runs[i].Steps[^1]), NotTimings(b.Runs[i].Steps[^1]));
            Assert.Equal(a.Runs[i].Evaluation.Results.SelectMany(r => r.Correct), b.Runs[i].Evaluation.Results.SelectMany(r => r.Correct));
        }
    }

    [Fact]
    public void The_report_records_the_machine_and_one_seed_is_inconclusive()
    {
        using var dir = new TempDir();
        var results = new StudyRunner(TinyPlan(dir), new CountingObserver()).Run(CancellationToken.None);
        var report = File.ReadAllText(StudyReport.Write(results));
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(dir.Sub("report"), "results.json")))!;
        var machine = json["machine"]!;
        Assert.Equal(TorchSharp.torch.get_num_threads(), (int)machine["Threads"]!);
        Assert.Equal(Environment.ProcessorCount, (int)machine["LogicalCores"]!);
        Assert.Equal(System.Runtime.Intrinsics.X86.Avx2.IsSupported, (bool)machine["DotnetIntrinsics"]!["Avx2"]!);
        Assert.False(string.IsNullOrEmpty((string?)machine["InstructionSet"]));
        Assert.Contains((string)machine["InstructionSet"]!, report, StringComparison.Ordinal);
        Assert.Contains("compute thread(s)", report, StringComparison.Ordinal);
        Assert.Contains("**Inconclusive**: with one RL seed", report, StringComparison.Ordinal);
        Assert.Equal(4, (int)json["study"]!["held_out"]!["problems"]!);
    }
}
