namespace G2rl.Demo;

/// <summary>Progress of the demo (the CLI shows it).</summary>
public interface IDemoObserver
{
    void OnMessage(string message);

    void OnRunStep(string method, int seed, int step, int steps, IReadOnlyDictionary<string, double> metrics);
}
