using System.Diagnostics;
using G2rl.Runtime;
using G2rl.Study;
using G2rl.Tasks;
using TorchSharp;

namespace G2rl.Demo;

/// <summary>
/// The built-in demo: split a synthetic task, build (or reuse) the base policy, then run the demo's study preset
/// (<see cref="DemoPreset"/>): every method × seed from the base with the same budget, each final policy evaluated on the
/// held-out split.
/// </summary>
public sealed class DemoRunner(DemoOptions requested, IStudyObserver observer)
{
    private DemoOptions options = requested;

    public StudyResults Run(CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        if (options.Threads > 0)
        {
            torch.set_num_threads(options.Threads);
        }
        var device = ComputeDevice.Resolve(options.Device);
        var task = TaskRegistry.Get(options.Task);
        var validationCount = options.Ablation ? options.ValidationProblems : 0;
        var split = TaskSplits.Create(task, options.Seed, options.TrainProblems, options.HeldOutProblems + validationCount, options.Difficulty);
        var validation = split.HeldOut.Take(validationCount).ToList();
        split = split with { HeldOut = [.. split.HeldOut.Skip(validationCount)] };
        if (options.MaxNewTokens <= 0)
        {
            var rng = new Random(options.Seed);
            options = options with { MaxNewTokens = split.Train.Take(200).Max(p => task.Solve(p, rng).Length) + 3 };
        }
        observer.OnMessage($"task {task.Name} (difficulty {options.Difficulty}): {split.Train.Count} training and {split.HeldOut.Count} held-out problems");
        var baseDir = BasePolicy.GetOrTrain(task, split.Train, options, device, observer.OnMessage);
        var plan = options.Ablation ? DemoPreset.AblationPlan(options, task, split, validation, baseDir) : DemoPreset.Plan(options, task, split, baseDir);
        return new StudyRunner(plan, observer).Run(cancel, clock.Elapsed.TotalSeconds);
    }
}
