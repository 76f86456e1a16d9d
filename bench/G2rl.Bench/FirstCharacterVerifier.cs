using System.Buffers;
using System.Text;
using G2rl.Data;
using G2rl.Grading;

namespace G2rl.Bench;

/// <summary>
/// A verifier that ignores the problem: a response is correct when its first character's code point is even (about
/// half of random responses), so groups get mixed rewards and advantages are non-zero. Grading costs next to nothing.
/// </summary>
internal sealed class FirstCharacterVerifier : IProblemVerifier
{
    public GradeResult Verify(Problem problem, string response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (Rune.DecodeFromUtf16(response, out var first, out _) != OperationStatus.Done)
        {
            return new GradeResult(false, null);
        }
        return new GradeResult(first.Value % 2 == 0, first.ToString());
    }
}
