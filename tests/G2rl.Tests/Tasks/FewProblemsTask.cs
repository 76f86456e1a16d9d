using System.Globalization;
using G2rl.Data;
using G2rl.Grading;
using G2rl.Tasks;

namespace G2rl.Tests.Tasks;

/// <summary>A test task with only <c>count</c> distinct problems (<c>q0</c>…), to exhaust <see cref="TaskSplits"/>.</summary>
internal sealed class FewProblemsTask(int count) : ISyntheticTask, IProblemVerifier
{
    public string Name => "few";

    public IReadOnlyList<char> Alphabet { get; } = "q0123456789".ToCharArray();

    public int MaxDifficulty => 1;

    public IProblemVerifier Verifier => this;

    public Problem Generate(Random rng, int difficulty)
    {
        var k = rng.Next(count).ToString(CultureInfo.InvariantCulture);
        return new Problem("few-" + k, "q" + k, k, AnswerKind.Math, null, Name);
    }

    public string Solve(Problem problem, Random rng) => problem.Answer;

    public IReadOnlyList<string> AllSolutions(Problem problem, int max) => [problem.Answer];

    public string? SolutionKey(Problem problem, string response) => response == problem.Answer ? response : null;

    public GradeResult Verify(Problem problem, string response) => new(response == problem.Answer, response);
}
