namespace G2rl.Grading.Extraction;

/// <summary>
/// Math spans joined by "and", "or" or a comma ("$1$, $2$ and $3$", at most <see cref="MaxJoined"/> of them)
/// count as one answer: their contents as a list. Also gives the span that starts at a position.
/// </summary>
internal sealed class EnvironmentChains
{
    public const int MaxJoined = 6;

    private readonly string _text;
    private readonly List<MathEnvironment> _environments;
    private readonly int[] _starts;

    public EnvironmentChains(string text, List<MathEnvironment> environments)
    {
        _text = text;
        _environments = environments;
        _starts = environments.Select(e => e.Start).ToArray();
    }

    public IReadOnlyList<MathEnvironment> Environments => _environments;

    /// <summary>Index of the span starting exactly at <paramref name="pos"/>, or -1.</summary>
    public int StartingAt(int pos) => Array.BinarySearch(_starts, pos) is var k and >= 0 ? k : -1;

    /// <summary>Index of the first span starting in [<paramref name="from"/>, <paramref name="to"/>], or -1.</summary>
    public int FirstStartingIn(int from, int to)
    {
        var k = Array.BinarySearch(_starts, from);
        k = k >= 0 ? k : ~k;
        return k < _starts.Length && _starts[k] <= to ? k : -1;
    }

    /// <summary>Index of the last span of the chain that starts with span <paramref name="first"/>.</summary>
    public int ChainEnd(int first)
    {
        var last = first;
        while (last + 1 < _environments.Count && last - first + 1 < MaxJoined && IsJoiner(_environments[last].End, _environments[last + 1].Start))
        {
            last++;
        }
        return last;
    }

    /// <summary>Candidates of the chain from <paramref name="first"/> to <paramref name="last"/>: the joined list, then the first span alone.</summary>
    public IEnumerable<Candidate> Candidates(int first, int last, int start, int end, int priority)
    {
        var items = _environments.Skip(first).Take(last - first + 1).Select(e => e.Content.Trim()).ToList();
        yield return new Candidate(start, end, string.Join(", ", items), priority);
        if (items.Count > 1)
        {
            yield return new Candidate(start, end, items[0], priority);
        }
    }

    /// <summary>White space around one of ",", "and", ",and", "or", ",or".</summary>
    private bool IsJoiner(int from, int to)
    {
        var gap = _text[from..to].Trim();
        if (gap.StartsWith(',') && gap.Length > 1)
        {
            gap = gap[1..];
        }
        return gap is "," or "and" or "or";
    }
}
