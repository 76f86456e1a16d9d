using System.CommandLine;

namespace G2rl.Cli;

/// <summary>The single list of sub-commands of <c>g2rl</c>.</summary>
internal static class CommandRegistry
{
    public static IEnumerable<Command> All()
    {
        yield return DemoCommand.Create();
        yield return StudyCommand.Create();
        yield return TokenizeCommand.Create();
        yield return ScoreCommand.Create();
        yield return GenerateCommand.Create();
        yield return GradeCommand.Create();
        yield return EvalCommand.Create();
        yield return TrainCommand.Create();
        yield return PlanCommand.Create();
        yield return FeaturesCommand.Create();
        yield return ShapeCommand.Create();
        yield return AnalyzeCommand.Create();
        yield return MergeCommand.Create();
        yield return InspectCommand.Create();
    }
}
