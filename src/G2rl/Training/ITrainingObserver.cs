namespace G2rl.Training;

/// <summary>Progress callbacks of a run (the CLI shows a live line; tests record).</summary>
public interface ITrainingObserver
{
    void OnStep(int step, int totalSteps, IReadOnlyDictionary<string, double> metrics, TimeSpan elapsed);

    void OnMessage(string message);

    /// <summary>A step's completions, when log.print_group is set (the CLI prints one group as a table).</summary>
    void OnCompletions(int step, IReadOnlyList<CompletionsLine> lines)
    {
    }
}
