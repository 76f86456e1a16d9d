using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace G2rl.Training.Config;

/// <summary>
/// Bounds the nesting of a config before the recursive parsers and converters see it (100,000 nested lists would
/// otherwise overflow the stack, which no handler can catch). Both scans are iterative.
/// </summary>
internal static class ConfigNesting
{
    /// <summary>YAML: depth of mappings and sequences from the parser's event stream.</summary>
    public static void CheckYaml(string text, string file, int maxDepth)
    {
        var parser = new Parser(new StringReader(text));
        var depth = 0;
        while (parser.MoveNext())
        {
            switch (parser.Current)
            {
                case MappingStart or SequenceStart:
                    if (++depth > maxDepth)
                    {
                        throw new G2rlException($"{file}:{parser.Current.Start.Line}: nested deeper than {maxDepth} levels");
                    }
                    break;
                case MappingEnd or SequenceEnd:
                    depth--;
                    break;
                case AnchorAlias:
                    throw new G2rlException($"{file}:{parser.Current.Start.Line}: YAML aliases (*name) are not supported in configs");
            }
        }
    }

    /// <summary>TOML: depth of [ and { outside strings and comments.</summary>
    public static void CheckBrackets(string text, string file, int maxDepth)
    {
        int depth = 0, line = 1;
        char? quote = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                line++;
            }
            if (quote is { } q)
            {
                if (c == '\\' && q == '"')
                {
                    i++;
                }
                else if (c == q)
                {
                    quote = null;
                }
                continue;
            }
            switch (c)
            {
                case '"' or '\'':
                    quote = c;
                    break;
                case '#':
                    while (i + 1 < text.Length && text[i + 1] != '\n')
                    {
                        i++;
                    }
                    break;
                case '[' or '{':
                    if (++depth > maxDepth)
                    {
                        throw new G2rlException($"{file}:{line}: nested deeper than {maxDepth} levels");
                    }
                    break;
                case ']' or '}':
                    depth = Math.Max(0, depth - 1);
                    break;
            }
        }
    }
}
