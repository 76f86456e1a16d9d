using G2rl.Grading.Extraction;

namespace G2rl.Grading;

/// <summary>Rule-based reward: extracts the answer from a response and compares it with the gold answer.</summary>
public static class Grader
{
    /// <summary>Grades one response; never throws (any internal failure is "incorrect").</summary>
    public static GradeResult Grade(string response, string gold, AnswerKind kind)
    {
        string? extracted = null;
        try
        {
            extracted = AnswerExtractor.Extract(response, kind);
            if (extracted is null || gold is null)
            {
                return new GradeResult(false, extracted);
            }
            var correct = kind == AnswerKind.Choice
                ? ChoiceLetter.Parse(gold) is { } letter && letter == extracted
                : MathEquivalence.AreEquivalent(AnswerExtractor.ExtractGold(gold) ?? gold, extracted)
                    || (AnswerExtractor.DecimalCommaReading(gold) is { } decimalGold && MathEquivalence.AreEquivalent(decimalGold, extracted));
            return new GradeResult(correct, extracted);
        }
        catch (Exception)
        {
            return new GradeResult(false, extracted);
        }
    }
}
