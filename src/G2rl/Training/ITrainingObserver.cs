namespace G2rl.Training;

/// <summary>Progress callbacks of a run (the CLI shows a live line; tests record).</summary>
public interface ITrainingObserver
{
    void OnStep(int step, int totalSteps, IReadOnlyDictionary<string, double> metrics, TimeSpan elapsed);

    void OnMessage(string message);
}
