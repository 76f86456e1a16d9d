using G2rl.Tasks;

namespace G2rl.Tests.Tasks;

public sealed class TaskRegistryTests
{
    [Theory]
    [InlineData("countdown", typeof(CountdownTask))]
    [InlineData("arithmetic", typeof(ArithmeticTask))]
    [InlineData(" Countdown ", typeof(CountdownTask))]
    [InlineData("ARITHMETIC", typeof(ArithmeticTask))]
    public void Names_resolve_case_insensitively(string name, Type type)
    {
        var task = TaskRegistry.Get(name);
        Assert.IsType(type, task);
        Assert.Equal(name.Trim().ToLowerInvariant(), task.Name);
    }

    [Fact]
    public void Every_listed_name_resolves_to_a_task_of_that_name()
    {
        Assert.Equal(["countdown", "arithmetic"], TaskRegistry.Names);
        Assert.All(TaskRegistry.Names, n => Assert.Equal(n, TaskRegistry.Get(n).Name));
    }

    [Theory]
    [InlineData("sudoku")]
    [InlineData("")]
    public void An_unknown_name_is_an_error_that_lists_the_known_ones(string name)
    {
        var error = Assert.Throws<G2rlException>(() => TaskRegistry.Get(name));
        Assert.Contains($"'{name}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("countdown, arithmetic", error.Message, StringComparison.Ordinal);
        Assert.False(TaskRegistry.TryGet(name, out _));
        Assert.False(TaskRegistry.TryGet(null, out _));
    }
}
