using G2rl.Data;

namespace G2rl.Tests.Data;

public sealed class ChoiceOptionsTests
{
    [Fact]
    public void Letters_and_indices_are_inverse()
    {
        for (var i = 0; i < ChoiceOptions.MaxOptions; i++)
        {
            Assert.Equal(i, ChoiceOptions.IndexOf(ChoiceOptions.Letter(i)));
        }

        Assert.Equal("A", ChoiceOptions.Letter(0));
        Assert.Equal("J", ChoiceOptions.Letter(9));
        Assert.Equal(-1, ChoiceOptions.IndexOf("a"));
        Assert.Equal(-1, ChoiceOptions.IndexOf("AB"));
        Assert.Equal(-1, ChoiceOptions.IndexOf(""));
        Assert.Throws<ArgumentOutOfRangeException>(() => ChoiceOptions.Letter(26));
    }

    [Fact]
    public void Format_appends_a_lettered_block()
    {
        Assert.Equal("Q?\n\nA. x\nB. y, z\nC. w", ChoiceOptions.Format("Q?", ["x", "y, z", "w"]));
    }
}
