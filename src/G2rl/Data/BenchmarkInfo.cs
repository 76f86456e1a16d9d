using G2rl.Grading;

namespace G2rl.Data;

/// <summary>A vendored problem set under the repository's <c>data/</c> folder.</summary>
/// <param name="Name">Canonical name (e.g. <c>math500</c>).</param>
/// <param name="FileName">File name inside the data folder (e.g. <c>math500.jsonl.gz</c>).</param>
/// <param name="Kind">Answer kind of every problem in it.</param>
/// <param name="Count">Number of problems in the vendored file.</param>
/// <param name="Aliases">Other accepted names (lower case).</param>
/// <param name="Description">One line for help texts.</param>
public sealed record BenchmarkInfo(
    string Name,
    string FileName,
    AnswerKind Kind,
    int Count,
    IReadOnlyList<string> Aliases,
    string Description);
