using G2rl.Model;
using G2rl.Tests.Model;
using G2rl.Tests.Support;
using G2rl.Training;
using G2rl.Training.Config;
using TorchSharp;
using static TorchSharp.torch;

namespace G2rl.Tests.Training;

/// <summary>GRPO with model.lora: only adapters train, the reference is the base with adapters off, checkpoints are PEFT adapters and resume exactly.</summary>
public sealed class LoraTrainingTests : IDisposable
{
    private readonly TempDir temp = new();

    public void Dispose() => temp.Dispose();

    private TrainConfig Config(string name, int steps = 3, double dropout = 0, bool checkpointing = false) =>
        TinyTraining.Config(temp.Sub(name), c => c with
        {
            Model = c.Model with { Lora = new LoraSection { Rank = 2, Alpha = 4, Dropout = dropout } },
            Loss = c.Loss with { KlCoef = 0.01 },
            Optim = c.Optim with { Lr = 1e-2 },
            Batch = c.Batch with { GradientCheckpointing = checkpointing },
            Run = c.Run with { Steps = steps },
        });

    private static Dictionary<string, Tensor> Adapters(TrainingContext context) =>
        context.Policy.Adapters!.NamedParameters.ToDictionary(p => p.Name, p => p.Param.detach().clone());

    [Fact]
    public void OnlyAdapterTensorsChangeAndTheOptimizerSeesOnlyThem()
    {
        var config = Config("run");
        using var context = TinyTraining.Context(config);
        Assert.Null(context.Reference);
        Assert.Same(context.Policy.Adapters!.Reference, context.KlReference);
        var initial = Adapters(context);
        using (var trainer = new GrpoTrainer(config, context))
        {
            Assert.Equal(context.Policy.Adapters.NamedParameters.Count, trainer.Optimizer.Parameters.Count());
            Assert.All(trainer.Optimizer.StateTensors(), t => Assert.Contains(".lora_", t.Name));
        }
        var outcome = new TrainingRun(config, context).Execute(CancellationToken.None);
        Assert.Equal(TrainingStop.Completed, outcome.Stop);

        using var baseModel = FixtureModels.Load("tiny-qwen3-tied");
        var trained = context.Policy.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        foreach (var (name, p) in baseModel.named_parameters())
        {
            Assert.True(LoraTests.Same(p, trained[name]), $"base tensor {name} changed");
        }
        var after = Adapters(context);
        Assert.All(after.Where(kv => kv.Key.EndsWith("lora_B.weight", StringComparison.Ordinal)), kv => Assert.True(kv.Value.abs().max().item<float>() > 0, $"{kv.Key} did not train"));
        Assert.Contains(after, kv => kv.Key.EndsWith("lora_A.weight", StringComparison.Ordinal) && !LoraTests.Same(kv.Value, initial[kv.Key]));

        // The KL reference is the base model, bit for bit, while the policy has moved.
        Assert.True(LoraTests.Same(LoraTests.Logits(context.KlReference!), LoraTests.Logits(baseModel)));
        Assert.False(LoraTests.Same(LoraTests.Logits(context.Policy), LoraTests.Logits(baseModel)));

        var checkpoint = outcome.LatestCheckpoint!;
        Assert.True(File.Exists(Path.Combine(checkpoint, "adapter_config.json")));
        Assert.True(File.Exists(Path.Combine(checkpoint, "adapter_model.safetensors")));
        Assert.False(Directory.Exists(Path.Combine(checkpoint, "model")), "a LoRA checkpoint holds no copy of the frozen base");
    }

    [Fact]
    public void StraightRunEqualsHalfThenResumeBitForBitWithDropout()
    {
        var straightConfig = Config("straight", steps: 4, dropout: 0.1);
        using var straight = TinyTraining.Context(straightConfig);
        new TrainingRun(straightConfig, straight).Execute(CancellationToken.None);

        var halfConfig = Config("halves", steps: 2, dropout: 0.1);
        using (var first = TinyTraining.Context(halfConfig))
        {
            new TrainingRun(halfConfig, first).Execute(CancellationToken.None);
        }
        var fullConfig = halfConfig with { Run = halfConfig.Run with { Steps = 4 } };
        using var resumed = TinyTraining.Context(fullConfig);
        var outcome = new TrainingRun(fullConfig, resumed).Execute(CancellationToken.None, resumeFrom: fullConfig.Run.OutputDir);
        Assert.Equal(4, outcome.Steps);

        var a = Adapters(straight);
        var b = Adapters(resumed);
        foreach (var (name, t) in a)
        {
            Assert.True(LoraTests.Same(t, b[name]), $"{name} differs between the straight and the resumed run");
        }
        var straightLines = File.ReadAllLines(Path.Combine(straightConfig.Run.OutputDir, "metrics.jsonl"));
        var resumedLines = File.ReadAllLines(Path.Combine(fullConfig.Run.OutputDir, "metrics.jsonl"));
        Assert.Equal(WithoutTimes(straightLines[3]), WithoutTimes(resumedLines[3]));
    }

    [Fact]
    public void GradientCheckpointingTrainsTheSameAdapters()
    {
        var plainConfig = Config("plain", steps: 2);
        using var plain = TinyTraining.Context(plainConfig);
        new TrainingRun(plainConfig, plain).Execute(CancellationToken.None);
        var ckptConfig = Config("ckpt", steps: 2, checkpointing: true);
        using var ckpt = TinyTraining.Context(ckptConfig);
        new TrainingRun(ckptConfig, ckpt).Execute(CancellationToken.None);
        var a = Adapters(plain);
        var b = Adapters(ckpt);
        Assert.Contains(a, kv => kv.Value.abs().max().item<float>() > 0 && kv.Key.EndsWith("lora_B.weight", StringComparison.Ordinal));
        foreach (var (name, t) in a)
        {
            Assert.True(t.allclose(b[name], rtol: 1e-4, atol: 1e-6), $"{name} differs with gradient checkpointing");
        }
    }

    [Fact]
    public void ResumingAFullCheckpointIntoALoraRunIsAnError()
    {
        var fullConfig = TinyTraining.Config(temp.Sub("full"), c => c with { Run = c.Run with { Steps = 1 } });
        using (var full = TinyTraining.Context(fullConfig))
        {
            new TrainingRun(fullConfig, full).Execute(CancellationToken.None);
        }
        var loraConfig = Config("full", steps: 2) with { Run = fullConfig.Run with { Steps = 2 } };
        using var lora = TinyTraining.Context(loraConfig);
        var ex = Assert.Throws<G2rlException>(() => new TrainingRun(loraConfig, lora).Execute(CancellationToken.None, resumeFrom: loraConfig.Run.OutputDir));
        Assert.Contains("no adapter", ex.Message);
    }

    private static string WithoutTimes(string line) =>
        string.Join(",", line.Trim('{', '}').Split(',').Where(kv => !kv.Contains("time", StringComparison.Ordinal) && !kv.Contains("tokens_per_second", StringComparison.Ordinal)));
}
