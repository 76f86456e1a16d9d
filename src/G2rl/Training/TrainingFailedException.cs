namespace G2rl.Training;

/// <summary>A failure after training started; the last good state was saved first (<see cref="EmergencyCheckpoint"/>, null when that save failed too).</summary>
public sealed class TrainingFailedException : Exception
{
    public TrainingFailedException(string message, string? emergencyCheckpoint, Exception inner) : base(message, inner) => EmergencyCheckpoint = emergencyCheckpoint;

    public TrainingFailedException() { }

    public TrainingFailedException(string message) : base(message) { }

    public TrainingFailedException(string message, Exception inner) : base(message, inner) { }

    /// <summary>The emergency checkpoint folder (it holds emergency.json with the error).</summary>
    public string? EmergencyCheckpoint { get; }
}
