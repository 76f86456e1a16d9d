namespace G2rl.Data;

/// <summary>A named, fully loaded set of problems (a benchmark or a training file).</summary>
public interface IProblemSource
{
    /// <summary>Name of the set; equals <see cref="Problem.Source"/> of every problem in it.</summary>
    string Name { get; }

    /// <summary>The problems in file order; never empty.</summary>
    IReadOnlyList<Problem> Problems { get; }
}
