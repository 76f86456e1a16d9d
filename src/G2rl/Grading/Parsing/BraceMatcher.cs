namespace G2rl.Grading.Parsing;

/// <summary>Finds the brace that closes an opening one, skipping escaped braces (\{ and \}).</summary>
internal static class BraceMatcher
{
    /// <summary>Index of the '}' matching the '{' at <paramref name="open"/>, or -1 when unbalanced.</summary>
    public static int FindClose(string s, int open)
    {
        var depth = 0;
        for (var i = open; i < s.Length; i++)
        {
            switch (s[i])
            {
                case '\\':
                    i++; // skip the escaped character
                    break;
                case '{':
                    depth++;
                    break;
                case '}':
                    depth--;
                    if (depth == 0)
                    {
                        return i;
                    }
                    break;
            }
        }
        return -1;
    }
}
