namespace G2rl.Training;

/// <summary>Why a run ended.</summary>
public enum TrainingStop
{
    Completed,
    Cancelled,
    TooManyBadSteps,
}
