using System.Globalization;
using G2rl.Data;
using G2rl.Grading;

namespace G2rl.Tasks;

/// <summary>
/// Grades an arithmetic response by its final answer only: the content of the last <c>\boxed{…}</c> must be an
/// integer literal (optional sign, surrounding spaces ignored, at most 18 digits) equal to the problem's integer
/// answer. The worked steps before it are not checked. <see cref="GradeResult.Extracted"/> is the trimmed box content.
/// Never throws.
/// </summary>
public sealed class ArithmeticVerifier : IProblemVerifier
{
    /// <inheritdoc/>
    public GradeResult Verify(Problem problem, string response)
    {
        var extracted = BoxedAnswer.Extract(response);
        return new GradeResult(
            extracted is not null && problem is not null && TryInteger(extracted, out var given) && TryInteger(problem.Answer, out var gold) && given == gold,
            extracted);
    }

    internal static bool TryInteger(string? text, out long value)
    {
        value = 0;
        var s = text?.Trim();
        if (string.IsNullOrEmpty(s) || s.Length > 19)
        {
            return false;
        }

        var digits = s[0] is '-' or '+' ? s[1..] : s;
        return digits.Length > 0
            && digits.All(char.IsAsciiDigit)
            && long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }
}
