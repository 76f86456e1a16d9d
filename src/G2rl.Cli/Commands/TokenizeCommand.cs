using System.CommandLine;
using System.Globalization;
using G2rl.Tokenization;

namespace G2rl.Cli;

/// <summary><c>g2rl tokenize</c>: text to ids (a JSON array) or, with --decode, ids to text (a JSON string).</summary>
internal static class TokenizeCommand
{
    public static Command Create()
    {
        var tokenizer = new Option<string>("--tokenizer")
        {
            Description = "tokenizer.json, tokenizer.json.gz, or a model directory holding one",
            Required = true,
        };
        var text = new Option<string>("--text") { Description = "Text to encode; prints the ids as a JSON array" };
        var decode = new Option<string>("--decode") { Description = "Comma-separated ids to decode; prints the text as a JSON string" };
        var skipSpecial = new Option<bool>("--skip-special-tokens") { Description = "With --decode: leave out special tokens" };
        var command = new Command("tokenize", "Encode text to token ids, or decode ids to text.") { tokenizer, text, decode, skipSpecial };
        command.Validators.Add(result =>
        {
            if ((result.GetResult(text) is null) == (result.GetResult(decode) is null))
            {
                result.AddError("give exactly one of --text and --decode");
            }
        });
        command.SetAction(parse =>
        {
            var loaded = TokenizerLoader.Load(parse.GetValue(tokenizer)!);
            if (parse.GetValue(decode) is { } idList)
            {
                JsonOutput.Write(loaded.Decode(ParseIds(idList), parse.GetValue(skipSpecial)));
            }
            else
            {
                JsonOutput.Write(loaded.Encode(parse.GetValue(text) ?? ""));
            }
            return 0;
        });
        return command;
    }

    private static List<int> ParseIds(string idList)
    {
        var ids = new List<int>();
        foreach (var part in idList.Split([',', ' ', '[', ']'], StringSplitOptions.RemoveEmptyEntries))
        {
            ids.Add(int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id)
                ? id
                : throw new G2rlException($"--decode: \"{part}\" is not an integer id"));
        }
        return ids;
    }
}
