using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using G2rl.Checkpoints;
using G2rl.Data;
using G2rl.Model;
using G2rl.Runtime;
using G2rl.Tasks;
using G2rl.Tokenization;
using G2rl.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace G2rl.Demo;

/// <summary>
/// The demo's base policy: a randomly initialised <see cref="DemoModel"/> warm-started by supervised training on correct
/// solutions of the training problems (a random one of the distinct solutions each time). Saved as an HF folder in the cache
/// (keyed by every setting that affects it) and reused.
/// </summary>
public static class BasePolicy
{
    /// <summary>Returns the folder of the base policy, training it first when the cache has none.</summary>
    public static string GetOrTrain(ISyntheticTask task, IReadOnlyList<Problem> train, DemoOptions options, Device device, Action<string> log)
    {
        var folder = Path.Combine(PatchedLibraryCache.CacheRoot(), "demo", "base-" + Key(task, train, options));
        if (File.Exists(Path.Combine(folder, "model.safetensors")))
        {
            log($"base policy: reusing {folder}");
            return folder;
        }
        var tokenizer = DemoModel.Tokenizer(task);
        using var model = new Qwen3ForCausalLM(DemoModel.Config(tokenizer), ScalarType.Float32, device);
        Qwen3Init.Initialize(model, options.Seed);
        var rng = new Random(options.Seed);
        var solutions = train.Select(p => task.AllSolutions(p, 64)).ToList();
        var eos = tokenizer.EosTokenId!.Value;
        using (var sft = new SupervisedTrainer(model, 3e-3, options.SftSteps))
        {
            for (var step = 0; step < options.SftSteps; step++)
            {
                var batch = Enumerable.Range(0, 64).Select(_ =>
                {
                    var i = rng.Next(train.Count);
                    var solution = solutions[i][rng.Next(solutions[i].Count)];
                    return new SupervisedExample(tokenizer.Encode(train[i].Question), [.. tokenizer.Encode(solution), eos]);
                }).ToList();
                var loss = sft.Step(batch, tokenizer.PadTokenId!.Value);
                if ((step + 1) % 50 == 0 || step == 0)
                {
                    log(string.Create(CultureInfo.InvariantCulture, $"base policy: supervised step {step + 1}/{options.SftSteps}, loss {loss:F3}"));
                }
            }
        }
        HfCheckpoint.Save(model, folder, new HfSaveOptions { WriteExtraFiles = tokenizer.Save });
        log($"base policy: saved {folder}");
        return folder;
    }

    private static string Key(ISyntheticTask task, IReadOnlyList<Problem> train, DemoOptions o)
    {
        var text = string.Join("|", task.Name, o.Difficulty, o.Seed, o.SftSteps, string.Join(",", train.Select(p => p.Question)),
            DemoModel.Config(DemoModel.Tokenizer(task)).ToString(), "v2");
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16].ToLowerInvariant();
    }
}
