using G2rl.Grading.Extraction;

namespace G2rl.Grading;

/// <summary>
/// Pulls the final answer out of a model response. Math: the last brace-matched \boxed{...} / \fbox{...}
/// (or "\boxed 5"), else the text after "final answer is", "the answer is", "Answer:", else the last number.
/// Choice: the chosen letter A–J. Null when nothing can be extracted.
/// </summary>
public static class AnswerExtractor
{
    public static string? Extract(string response, AnswerKind kind)
    {
        try
        {
            if (string.IsNullOrWhiteSpace(response))
            {
                return null;
            }
            var answer = kind == AnswerKind.Choice
                ? ChoiceExtractor.Extract(response)
                : BoxedExtractor.LastBoxed(response) ?? PhraseExtractor.AfterPhrase(response) ?? PhraseExtractor.LastNumber(response);
            return string.IsNullOrWhiteSpace(answer) ? null : answer.Trim();
        }
        catch (Exception)
        {
            return null;
        }
    }
}
