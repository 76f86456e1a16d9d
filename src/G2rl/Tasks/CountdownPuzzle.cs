using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace G2rl.Tasks;

/// <summary>
/// A countdown instance: reach <paramref name="Target"/> with <c>+ - * /</c> using each of
/// <paramref name="Numbers"/> at most once. Its question text is the numbers separated by spaces, <c>&gt;</c>, the
/// target and <c>:</c>, e.g. <c>3 7 2&gt;19:</c>.
/// </summary>
/// <param name="Numbers">The given numbers (positive), in question order.</param>
/// <param name="Target">The value to reach (positive).</param>
/// <remarks>Record equality compares <paramref name="Numbers"/> by reference.</remarks>
public sealed record CountdownPuzzle(IReadOnlyList<int> Numbers, int Target)
{
    /// <summary>Most numbers a question may hold.</summary>
    public const int MaxNumbers = 8;

    /// <summary>The question text, e.g. <c>3 7 2&gt;19:</c>.</summary>
    public string ToQuestion() =>
        string.Join(' ', Numbers.Select(n => n.ToString(CultureInfo.InvariantCulture)))
        + ">" + Target.ToString(CultureInfo.InvariantCulture) + ":";

    /// <summary>
    /// Reads a question written by <see cref="ToQuestion"/>: 1..<see cref="MaxNumbers"/> positive numbers and a
    /// positive target, at most 6 digits each, no leading zeros, single spaces. False for anything else.
    /// </summary>
    public static bool TryParse(string? question, [NotNullWhen(true)] out CountdownPuzzle? puzzle)
    {
        puzzle = null;
        if (question is null || question.Length > 64 || !question.EndsWith(':'))
        {
            return false;
        }

        var gt = question.IndexOf('>', StringComparison.Ordinal);
        if (gt < 0 || !TryPositive(question[(gt + 1)..^1], out var target))
        {
            return false;
        }

        var parts = question[..gt].Split(' ');
        if (parts.Length > MaxNumbers)
        {
            return false;
        }

        var numbers = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!TryPositive(parts[i], out numbers[i]))
            {
                return false;
            }
        }

        puzzle = new CountdownPuzzle(numbers, target);
        return true;
    }

    /// <summary>Like <see cref="TryParse"/>, but throws <see cref="ArgumentException"/> naming the text.</summary>
    public static CountdownPuzzle Parse(string question) =>
        TryParse(question, out var puzzle)
            ? puzzle
            : throw new ArgumentException($"not a countdown question: '{question}'", nameof(question));

    private static bool TryPositive(string s, out int value)
    {
        value = 0;
        if (s.Length is 0 or > 6 || s[0] == '0' || !s.All(char.IsAsciiDigit))
        {
            return false;
        }

        value = int.Parse(s, CultureInfo.InvariantCulture);
        return true;
    }
}
