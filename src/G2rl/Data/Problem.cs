using G2rl.Grading;

namespace G2rl.Data;

/// <summary>
/// One benchmark or training problem.
/// </summary>
/// <param name="Id">Identifier, unique within <paramref name="Source"/> (e.g. MATH500 <c>test/algebra/1.json</c>, a GPQA Record ID).</param>
/// <param name="Question">The model-facing problem text. For choice problems it already ends with the lettered
/// options block (<c>"\n\nA. …\nB. …"</c>), so templates need not render <see cref="Choices"/>.</param>
/// <param name="Answer">Gold answer: a LaTeX/plain string for <see cref="AnswerKind.Math"/>, a single letter for
/// <see cref="AnswerKind.Choice"/>. Never empty.</param>
/// <param name="Kind">How the answer is graded.</param>
/// <param name="Choices">Option texts in letter order (A first), or null when the source gives none.</param>
/// <param name="Source">Name of the set the problem came from (benchmark name or file stem).</param>
/// <remarks>Record equality compares <see cref="Choices"/> by reference.</remarks>
public sealed record Problem(
    string Id,
    string Question,
    string Answer,
    AnswerKind Kind,
    IReadOnlyList<string>? Choices,
    string Source)
{
    /// <summary>Subject or category (MATH subject, GPQA high-level domain, MMLU-Pro category), if known.</summary>
    public string? Subject { get; init; }

    /// <summary>Difficulty level (MATH 1–5), if known.</summary>
    public int? Level { get; init; }
}
