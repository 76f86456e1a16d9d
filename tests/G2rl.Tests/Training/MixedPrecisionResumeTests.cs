using System.Text.Json;
using G2rl.Checkpoints;
using G2rl.Tests.Support;
using G2rl.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace G2rl.Tests.Training;

/// <summary>With model.dtype bfloat16 the checkpoint holds the float32 master weights, so resume is bit-exact; the HF export is bf16.</summary>
public sealed class MixedPrecisionResumeTests : IDisposable
{
    private readonly TempDir temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Bfloat16StraightRunEqualsHalfThenResumeBitForBit()
    {
        static G2rl.Training.Config.TrainConfig Edit(G2rl.Training.Config.TrainConfig c) =>
            c with { Model = c.Model with { Dtype = "bfloat16" }, Loss = c.Loss with { KlCoef = 0.01 } };
        var straightConfig = TinyTraining.Config(temp.Sub("straight"), Edit);
        using var straight = TinyTraining.Context(straightConfig);
        using var straightTrainer = new GrpoTrainer(straightConfig, straight);
        for (var s = 0; s < 4; s++)
        {
            straightTrainer.Step(s);
        }

        var halfConfig = TinyTraining.Config(temp.Sub("halves"), c => Edit(c) with { Run = c.Run with { Steps = 2 } });
        string checkpoint;
        using (var first = TinyTraining.Context(halfConfig))
        {
            var outcome = new TrainingRun(halfConfig, first).Execute(CancellationToken.None);
            checkpoint = outcome.LatestCheckpoint!;
        }
        var fullConfig = halfConfig with { Run = halfConfig.Run with { Steps = 4 } };
        using var resumed = TinyTraining.Context(fullConfig);
        using var resumedTrainer = new GrpoTrainer(fullConfig, resumed);
        var state = Checkpointer.Restore(checkpoint, resumed.Policy, resumedTrainer.Optimizer);
        Assert.Equal(2, state.Step);

        // The master weights carry more than the bf16 copy: restoring from the bf16 weights alone could not be exact.
        var policyWeights = resumed.Policy.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        var masters = resumedTrainer.Optimizer.StateTensors().Where(t => t.Name.StartsWith("master.", StringComparison.Ordinal)).ToList();
        Assert.Equal(policyWeights.Count, masters.Count);
        var extra = masters.Sum(m => m.Tensor.ne(policyWeights[m.Name["master.".Length..]].to(ScalarType.Float32)).sum().item<long>());
        Assert.True(extra > masters.Sum(m => m.Tensor.numel()) / 2, "master weights should differ from their bf16 copies after training");

        for (var s = 2; s < 4; s++)
        {
            resumedTrainer.Step(s);
        }
        foreach (var (name, p) in straight.Policy.named_parameters())
        {
            Assert.Equal(ScalarType.BFloat16, p.dtype);
            Assert.True(p.eq(policyWeights[name]).all().item<bool>(), $"{name} differs between the straight and the resumed run");
        }
        var straightState = straightTrainer.Optimizer.StateTensors().ToDictionary(t => t.Name, t => t.Tensor);
        foreach (var (name, t) in resumedTrainer.Optimizer.StateTensors())
        {
            Assert.True(t.eq(straightState[name]).all().item<bool>(), $"optimizer state {name} differs");
        }
    }

    [Fact]
    public void CheckpointModelIsInTheModelDtypeAndOptimizerHoldsFloat32Masters()
    {
        var config = TinyTraining.Config(temp.Sub("run"), c => c with { Model = c.Model with { Dtype = "bfloat16" }, Run = c.Run with { Steps = 1 } });
        using var context = TinyTraining.Context(config);
        var outcome = new TrainingRun(config, context).Execute(CancellationToken.None);
        var folder = outcome.LatestCheckpoint!;
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "model", "config.json")));
        var root = json.RootElement;
        var dtypeName = root.TryGetProperty("torch_dtype", out var td) ? td.GetString() : root.GetProperty("dtype").GetString();
        Assert.Equal("bfloat16", dtypeName);
        var model = SafetensorsFile.Open(Path.Combine(folder, "model", "model.safetensors"));
        Assert.All(model.Tensors.Values, t => Assert.Equal(ScalarType.BFloat16, t.DType));
        var optimizer = SafetensorsFile.Open(Path.Combine(folder, "optimizer.safetensors"));
        var names = context.Policy.named_parameters().Select(p => p.name).ToList();
        foreach (var name in names)
        {
            Assert.Equal(ScalarType.Float32, optimizer.Tensors["master." + name].DType);
            Assert.Equal(ScalarType.Float32, optimizer.Tensors["m." + name].DType);
        }
        // The exported bf16 weights are the rounded master weights.
        foreach (var name in names)
        {
            using var scope = NewDisposeScope();
            Assert.True(model.Read(name).eq(optimizer.Read("master." + name).to(ScalarType.BFloat16)).all().item<bool>(), name);
        }
    }
}
