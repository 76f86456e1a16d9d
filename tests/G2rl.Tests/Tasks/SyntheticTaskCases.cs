using G2rl.Tasks;

namespace G2rl.Tests.Tasks;

/// <summary>Theory data: every registered task at every difficulty.</summary>
public static class SyntheticTaskCases
{
    public static TheoryData<string, int> All()
    {
        var data = new TheoryData<string, int>();
        foreach (var name in TaskRegistry.Names)
        {
            for (var d = 1; d <= TaskRegistry.Get(name).MaxDifficulty; d++)
            {
                data.Add(name, d);
            }
        }

        return data;
    }

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var name in TaskRegistry.Names)
        {
            data.Add(name);
        }

        return data;
    }
}
