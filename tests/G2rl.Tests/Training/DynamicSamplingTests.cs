using G2rl.Data;
using G2rl.Grading;
using G2rl.Sampling;
using G2rl.Training;
using G2rl.Training.Config;

namespace G2rl.Tests.Training;

/// <summary>DAPO dynamic sampling with a fake sampler and verifier: groups are informative exactly when their problem is in a chosen set.</summary>
public sealed class DynamicSamplingTests
{
    private const int Problems = 10;
    private const int Group = 4;
    private const int Prompts = 3;
    private static readonly IReadOnlyList<Problem> Set = [.. Enumerable.Range(0, Problems).Select(i => new Problem($"p{i}", $"q{i}", "", AnswerKind.Math, null, "fake"))];

    [Fact]
    public void UninformativeGroupsAreReplacedUntilTheBatchIsFull()
    {
        var fake = new Fake(mixed: [1, 4, 6, 9]);
        var sampling = new DynamicSampling(new DynamicSamplingSection { Metric = "accuracy", MaxBatches = 50 }, Problems, Prompts, seed: 7);
        var result = sampling.Collect(3, [0, 1, 2], fake.Sample, fake.Grade);
        Assert.Equal(Prompts, result.Indices.Length);
        Assert.All(result.Indices, i => Assert.Contains(i, fake.Mixed));
        Assert.Equal(1, result.Indices[0]); // the step's own informative group comes first
        Assert.True(fake.Calls >= 2);
        Assert.Equal(fake.Calls, result.Metrics["dynamic_sampling/batches"]);
        Assert.Equal(fake.Dropped / (double)(fake.Calls * Prompts), result.Metrics["dynamic_sampling/dropped_share"], 12);
        Assert.Equal(0, result.Metrics["dynamic_sampling/filled_with_dropped"]);
        Assert.Equal(Prompts * Group, result.Samples.Count);
        for (var p = 0; p < Prompts; p++)
        {
            Assert.All(result.Samples.Skip(p * Group).Take(Group), s => Assert.StartsWith($"{result.Indices[p]}:", s.Text, StringComparison.Ordinal));
            Assert.All(result.Samples.Skip(p * Group).Take(Group), s => Assert.Equal(p, s.PromptIndex));
            Assert.Equal([true, false, true, false], result.Rewards.Correct[p]);
        }
        Assert.Equal(Seeds.Derive(7, "rollout", 3), fake.Seeds[0]);
        Assert.Equal(fake.Seeds.Count, fake.Seeds.Distinct().Count());
    }

    [Fact]
    public void SamplingStopsAtMaxBatchesAndFillsWithTheEarliestDroppedGroups()
    {
        var fake = new Fake(mixed: []);
        var sampling = new DynamicSampling(new DynamicSamplingSection { Metric = "accuracy", MaxBatches = 4 }, Problems, Prompts, seed: 7);
        var result = sampling.Collect(0, [5, 2, 8], fake.Sample, fake.Grade);
        Assert.Equal(4, fake.Calls);
        Assert.Equal([5, 2, 8], result.Indices);
        Assert.Equal(1.0, result.Metrics["dynamic_sampling/dropped_share"]);
        Assert.Equal(4, result.Metrics["dynamic_sampling/batches"]);
        Assert.Equal(Prompts, result.Metrics["dynamic_sampling/filled_with_dropped"]);
    }

    [Fact]
    public void WithoutTheOptionTheStepsOwnBatchIsUsedAsItIs()
    {
        var fake = new Fake(mixed: []);
        var result = new DynamicSampling(null, Problems, Prompts, seed: 7).Collect(2, [5, 2, 8], fake.Sample, fake.Grade);
        Assert.Equal(1, fake.Calls);
        Assert.Equal([5, 2, 8], result.Indices);
        Assert.Empty(result.Metrics);
    }

    [Fact]
    public void TheRewardMetricLooksAtBaseRewardsAndTheDrawIsReproducible()
    {
        var rewards = new Fake(mixed: [3]).Grade([3, 0], [.. new Fake(mixed: [3]).Sample([3, 0], 1)]);
        Assert.True(DynamicSampling.HasSignal(rewards, 0, "reward"));
        Assert.False(DynamicSampling.HasSignal(rewards, 1, "reward"));
        var settings = new DynamicSamplingSection { MaxBatches = 20 };
        var a = new DynamicSampling(settings, Problems, Prompts, 9).Collect(4, [0, 2, 3], new Fake([7, 8]).Sample, new Fake([7, 8]).Grade);
        var b = new DynamicSampling(settings, Problems, Prompts, 9).Collect(4, [0, 2, 3], new Fake([7, 8]).Sample, new Fake([7, 8]).Grade);
        Assert.Equal(a.Indices, b.Indices);
    }

    /// <summary>Rows "index:j"; a problem in <see cref="Mixed"/> has its even samples correct, any other problem none.</summary>
    private sealed class Fake(int[] mixed) : IProblemVerifier
    {
        public int[] Mixed { get; } = mixed;

        public int Calls { get; private set; }

        public int Dropped { get; private set; }

        public List<long> Seeds { get; } = [];

        public IReadOnlyList<SampledSequence> Sample(int[] indices, long seed)
        {
            Calls++;
            Seeds.Add(seed);
            Dropped += indices.Count(i => !Mixed.Contains(i));
            return [.. indices.SelectMany((index, p) => Enumerable.Range(0, Group).Select(j =>
                new SampledSequence(p, [1], [2, 3], [0f, 0f], FinishReason.Eos, $"{index}:{j}")))];
        }

        public StepRewards Grade(int[] indices, IReadOnlyList<SampledSequence> rows) =>
            RewardStage.Run(rows, [.. indices.Select(i => Set[i])], Group, this, plusMinusOne: true);

        public GradeResult Verify(Problem problem, string response)
        {
            var index = int.Parse(problem.Id[1..], System.Globalization.CultureInfo.InvariantCulture);
            var j = int.Parse(response[(response.IndexOf(':', StringComparison.Ordinal) + 1)..], System.Globalization.CultureInfo.InvariantCulture);
            return new GradeResult(Mixed.Contains(index) && j % 2 == 0, null);
        }
    }
}
