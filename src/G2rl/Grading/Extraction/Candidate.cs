namespace G2rl.Grading.Extraction;

/// <summary>
/// One possible answer found in a response: its span (<see cref="Start"/> inclusive, <see cref="End"/>
/// exclusive), the answer text, and its priority (lower is preferred; see <see cref="CandidateSelector"/>).
/// </summary>
internal readonly record struct Candidate(int Start, int End, string Text, int Priority);
