using G2rl.Reporting;

namespace G2rl.Study;

/// <summary>Everything a study measured: the base policy's evaluation, every run, timings and the machine it ran on.</summary>
public sealed record StudyResults(StudyPlan Plan, long BaseParameters, RunEvaluation Base, IReadOnlyList<StudyRun> Runs, double BaseSeconds, double TotalSeconds, MachineInfo Machine);
