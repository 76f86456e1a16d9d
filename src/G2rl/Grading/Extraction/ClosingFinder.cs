namespace G2rl.Grading.Extraction;

/// <summary>
/// Finds the next unescaped occurrence of a closing delimiter at or after a position. Searches start at
/// increasing positions, so the last answer is reused while it is still ahead: the scan is linear overall.
/// </summary>
internal sealed class ClosingFinder
{
    private readonly string _text;
    private readonly string _delimiter;
    private int _searchedFrom = int.MaxValue;
    private int _found = -1;

    public ClosingFinder(string text, string delimiter)
    {
        _text = text;
        _delimiter = delimiter;
    }

    /// <summary>Index of the next occurrence at or after <paramref name="from"/> not preceded by a backslash, or -1.</summary>
    public int Next(int from)
    {
        if (from >= _searchedFrom && (_found < 0 || _found >= from))
        {
            return _found;
        }
        _searchedFrom = from;
        var i = from;
        while ((i = _text.IndexOf(_delimiter, i, StringComparison.Ordinal)) >= 0 && i > 0 && _text[i - 1] == '\\')
        {
            i++;
        }
        _found = i;
        return i;
    }
}
