using G2rl.Tasks;

namespace G2rl.Tests.Tasks;

public sealed class TaskSplitsTests
{
    [Theory]
    [MemberData(nameof(SyntheticTaskCases.Names), MemberType = typeof(SyntheticTaskCases))]
    public void Splits_have_the_requested_sizes_unique_questions_and_sequential_ids(string name)
    {
        var task = TaskRegistry.Get(name);
        var split = TaskSplits.Create(task, seed: 5, trainCount: 300, heldOutCount: 50, difficulty: 2);
        Assert.Equal(300, split.Train.Count);
        Assert.Equal(50, split.HeldOut.Count);
        var questions = split.Train.Concat(split.HeldOut).Select(p => p.Question).ToList();
        Assert.Equal(questions.Count, questions.Distinct(StringComparer.Ordinal).Count());
        Assert.Empty(split.Train.Select(p => p.Question).Intersect(split.HeldOut.Select(p => p.Question)));
        Assert.Equal(Enumerable.Range(0, 300).Select(i => $"{name}-train-{i:D6}"), split.Train.Select(p => p.Id));
        Assert.Equal(Enumerable.Range(0, 50).Select(i => $"{name}-heldout-{i:D6}"), split.HeldOut.Select(p => p.Id));
        Assert.Equal("countdown-train-000123", $"countdown-train-{123:D6}");
    }

    [Fact]
    public void The_same_seed_gives_the_same_splits_and_another_seed_different_ones()
    {
        var task = new CountdownTask();
        var a = TaskSplits.Create(task, 1, 100, 20, 1);
        var b = TaskSplits.Create(task, 1, 100, 20, 1);
        var c = TaskSplits.Create(task, 2, 100, 20, 1);
        Assert.Equal(a.Train, b.Train);
        Assert.Equal(a.HeldOut, b.HeldOut);
        Assert.NotEqual(a.HeldOut.Select(p => p.Question), c.HeldOut.Select(p => p.Question));
    }

    [Fact]
    public void The_held_out_list_does_not_depend_on_the_training_count()
    {
        var task = new ArithmeticTask();
        var small = TaskSplits.Create(task, 9, 10, 40, 2);
        var large = TaskSplits.Create(task, 9, 500, 40, 2);
        Assert.Equal(small.HeldOut, large.HeldOut);
        Assert.Equal(small.Train, large.Train.Take(10));
    }

    [Fact]
    public void Asking_for_more_problems_than_the_level_has_is_a_clear_error()
    {
        var task = new FewProblemsTask(5);
        var split = TaskSplits.Create(task, 0, 3, 2, 1);
        Assert.Equal(5, split.Train.Concat(split.HeldOut).Select(p => p.Question).Distinct().Count());
        var error = Assert.Throws<G2rlException>(() => TaskSplits.Create(task, 0, 5, 1, 1));
        Assert.Equal("task 'few' at difficulty 1 gave only 5 distinct problems (2000 draws in a row repeated one), fewer than the 6 asked for", error.Message);
    }

    [Fact]
    public void Bad_arguments_are_rejected()
    {
        var task = new CountdownTask();
        Assert.Throws<ArgumentOutOfRangeException>(() => TaskSplits.Create(task, 0, -1, 1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => TaskSplits.Create(task, 0, 1, -1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => TaskSplits.Create(task, 0, 1, 1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => TaskSplits.Create(task, 0, 1, 1, 4));
        var empty = TaskSplits.Create(task, 0, 0, 0, 1);
        Assert.Empty(empty.Train);
        Assert.Empty(empty.HeldOut);
    }
}
