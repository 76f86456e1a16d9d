namespace G2rl.Data;

/// <summary>Letters for multiple-choice options (A = 0, B = 1, …, at most 26) and the options block format.</summary>
public static class ChoiceOptions
{
    /// <summary>Largest number of options a choice problem may have (A–Z).</summary>
    public const int MaxOptions = 26;

    /// <summary>The letter of the option at 0-based <paramref name="index"/>.</summary>
    public static string Letter(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, MaxOptions);
        return ((char)('A' + index)).ToString();
    }

    /// <summary>0-based option index of a single upper-case letter A–Z, or -1 for anything else.</summary>
    public static int IndexOf(string letter)
    {
        ArgumentNullException.ThrowIfNull(letter);
        return letter.Length == 1 && letter[0] is >= 'A' and <= 'Z' ? letter[0] - 'A' : -1;
    }

    /// <summary>
    /// <paramref name="question"/>, a blank line, then one line per option: <c>"A. text"</c>, joined by <c>\n</c>
    /// with no trailing newline. This is the format of the vendored GPQA and MMLU-Pro questions.
    /// </summary>
    public static string Format(string question, IReadOnlyList<string> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Count > MaxOptions)
        {
            throw new ArgumentException($"at most {MaxOptions} options are supported, got {options.Count}", nameof(options));
        }

        var lines = options.Select((o, i) => $"{Letter(i)}. {o}");
        return question + "\n\n" + string.Join('\n', lines);
    }
}
