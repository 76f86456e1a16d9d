namespace G2rl.Training;

/// <summary>lr(step) as a pure function of the step, so a resumed run needs no scheduler state.</summary>
public sealed record LearningRateSchedule(double PeakLr, int WarmupSteps, int TotalSteps, ScheduleKind Kind, double MinLrRatio = 0.0)
{
    /// <summary>Learning rate of the 0-based update <paramref name="step"/>.</summary>
    public double At(int step)
    {
        if (WarmupSteps > 0 && step < WarmupSteps)
        {
            return PeakLr * (step + 1) / WarmupSteps;
        }
        if (Kind == ScheduleKind.Constant)
        {
            return PeakLr;
        }
        var span = Math.Max(1, TotalSteps - WarmupSteps);
        var progress = Math.Clamp((step - WarmupSteps) / (double)span, 0, 1);
        var cosine = 0.5 * (1 + Math.Cos(Math.PI * progress));
        return PeakLr * (MinLrRatio + ((1 - MinLrRatio) * cosine));
    }
}
