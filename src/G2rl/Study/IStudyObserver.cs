namespace G2rl.Study;

/// <summary>Progress of the demo (the CLI shows it).</summary>
public interface IStudyObserver
{
    void OnMessage(string message);

    void OnRunStep(string method, int seed, int step, int steps, IReadOnlyDictionary<string, double> metrics);
}
