using System.CommandLine;
using System.Text.Json;
using G2rl.Grading;

namespace G2rl.Cli;

/// <summary>
/// <c>g2rl grade</c>: grades one response (<c>--gold</c>, <c>--response</c>) or a JSONL file of cases
/// (<c>--input</c>), printing one JSON line <c>{"correct": bool, "extracted": string|null}</c> per case.
/// </summary>
internal static class GradeCommand
{
    public static Command Create()
    {
        var gold = new Option<string>("--gold") { Description = "Gold (reference) answer, e.g. \"\\frac{1}{2}\" or \"C\"." };
        var response = new Option<string>("--response") { Description = "Model response to grade; the answer is extracted from it." };
        var kind = new Option<string>("--kind")
        {
            Description = "Answer kind: math (default) or choice (a letter A-J).",
            DefaultValueFactory = _ => "math",
        };
        kind.AcceptOnlyFromAmong("math", "choice");
        var input = new Option<string>("--input")
        {
            Description = "JSONL file of cases with fields gold, response and optional kind ('-' reads stdin); blank lines are skipped.",
        };
        var command = new Command("grade", "Grade model responses against gold answers with the rule-based verifier.")
        {
            gold, response, kind, input,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(input);
            var goldValue = parse.GetValue(gold);
            var responseValue = parse.GetValue(response);
            if (path is not null)
            {
                if (goldValue is not null || responseValue is not null)
                {
                    throw new G2rlException("--input cannot be combined with --gold or --response");
                }
                GradeFile(path);
                return 0;
            }
            if (goldValue is null || responseValue is null)
            {
                throw new G2rlException("give --gold and --response, or --input <cases.jsonl>");
            }
            Write(Grader.Grade(responseValue, goldValue, ParseKind(parse.GetValue(kind)!)));
            return 0;
        });
        return command;
    }

    private static void GradeFile(string path)
    {
        using var reader = path == "-" ? new StreamReader(Console.OpenStandardInput()) : new StreamReader(path);
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            try
            {
                var (gold, response, kind) = ParseCase(line);
                Write(Grader.Grade(response, gold, kind));
            }
            catch (Exception ex) when (ex is JsonException or G2rlException or InvalidOperationException)
            {
                throw new G2rlException($"{path} line {lineNumber}: {ex.Message}", ex);
            }
        }
    }

    private static (string Gold, string Response, AnswerKind Kind) ParseCase(string line)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new G2rlException("expected a JSON object");
        }
        var gold = root.TryGetProperty("gold", out var g) ? g : throw new G2rlException("missing field 'gold'");
        var response = root.TryGetProperty("response", out var r) && r.ValueKind == JsonValueKind.String
            ? r.GetString()!
            : throw new G2rlException("field 'response' must be a string");
        var kind = root.TryGetProperty("kind", out var k) && k.ValueKind != JsonValueKind.Null
            ? ParseKind(k.ValueKind == JsonValueKind.String ? k.GetString()! : k.GetRawText())
            : AnswerKind.Math;
        var goldText = gold.ValueKind switch
        {
            JsonValueKind.String => gold.GetString()!,
            JsonValueKind.Number => gold.GetRawText(), // AMC/AIME files store numbers: 27.0, 70
            _ => throw new G2rlException("field 'gold' must be a string or a number"),
        };
        return (goldText, response, kind);
    }

    private static AnswerKind ParseKind(string kind) => kind.Trim().ToLowerInvariant() switch
    {
        "math" => AnswerKind.Math,
        "choice" => AnswerKind.Choice,
        _ => throw new G2rlException($"unknown kind '{kind}' (expected math or choice)"),
    };

    private static void Write(GradeResult result) => JsonOutput.Write(new { correct = result.Correct, extracted = result.Extracted });
}
