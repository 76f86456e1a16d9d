namespace G2rl.Training;

/// <summary>Wall-clock seconds of a step's stages.</summary>
internal sealed record StageTimes(double Sampling, double Scoring, double LogProbs, double Update)
{
    public double Total => Sampling + Scoring + LogProbs + Update;
}
