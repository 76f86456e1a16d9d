using G2rl.Training;

namespace G2rl.Study;

/// <summary>Collects a run's per-step metrics and forwards them to the study's observer.</summary>
internal sealed class StudyRunObserver(string method, int seed, IStudyObserver observer, List<IReadOnlyDictionary<string, double>> steps) : ITrainingObserver
{
    public void OnStep(int step, int totalSteps, IReadOnlyDictionary<string, double> metrics, TimeSpan elapsed)
    {
        steps.Add(metrics);
        observer.OnRunStep(method, seed, step, totalSteps, metrics);
    }

    public void OnMessage(string message)
    {
    }
}
