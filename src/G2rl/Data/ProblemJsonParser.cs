using System.Globalization;
using System.Text.Json;
using G2rl.Grading;

namespace G2rl.Data;

/// <summary>Parses one JSON Lines record into a <see cref="Problem"/> (field rules on <see cref="JsonlProblemSet"/>).</summary>
internal static class ProblemJsonParser
{
    public static Problem Parse(string line, int index, string source, string where)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            throw new G2rlException($"{where}: malformed JSON: {e.Message}", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new G2rlException($"{where}: expected a JSON object, got {root.ValueKind}");
            }

            var question = OptionalString(root, "question", where) ?? OptionalString(root, "problem", where)
                ?? throw new G2rlException($"{where}: missing field 'question' (or 'problem')");
            if (string.IsNullOrWhiteSpace(question))
            {
                throw new G2rlException($"{where}: 'question' is empty");
            }

            var answer = Answer(root, where);
            var choices = Choices(root, where);
            var kind = Kind(root, choices, where);
            CheckChoiceAnswer(kind, answer, choices, where);
            var id = Id(root, where) ?? index.ToString(CultureInfo.InvariantCulture);
            return new Problem(id, question, answer, kind, choices, source)
            {
                Subject = OptionalString(root, "subject", where),
                Level = Level(root, where),
            };
        }
    }

    private static string Answer(JsonElement root, string where)
    {
        if (!root.TryGetProperty("answer", out var a) || a.ValueKind == JsonValueKind.Null)
        {
            throw new G2rlException($"{where}: missing field 'answer'");
        }

        var text = a.ValueKind switch
        {
            JsonValueKind.String => a.GetString()!,
            JsonValueKind.Number => a.GetRawText(),
            _ => throw new G2rlException($"{where}: 'answer' must be a string or a number, got {a.ValueKind}"),
        };
        return string.IsNullOrWhiteSpace(text) ? throw new G2rlException($"{where}: 'answer' is empty") : text;
    }

    private static IReadOnlyList<string>? Choices(JsonElement root, string where)
    {
        if (!root.TryGetProperty("choices", out var c) || c.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (c.ValueKind != JsonValueKind.Array || c.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
        {
            throw new G2rlException($"{where}: 'choices' must be an array of strings");
        }

        var list = c.EnumerateArray().Select(e => e.GetString()!).ToArray();
        if (list.Length is < 2 or > ChoiceOptions.MaxOptions)
        {
            throw new G2rlException($"{where}: 'choices' must have 2 to {ChoiceOptions.MaxOptions} options, got {list.Length}");
        }

        return list;
    }

    private static AnswerKind Kind(JsonElement root, IReadOnlyList<string>? choices, string where)
    {
        var kind = OptionalString(root, "kind", where);
        return kind?.ToUpperInvariant() switch
        {
            null => choices is null ? AnswerKind.Math : AnswerKind.Choice,
            "MATH" => AnswerKind.Math,
            "CHOICE" => AnswerKind.Choice,
            _ => throw new G2rlException($"{where}: 'kind' must be \"math\" or \"choice\", got \"{kind}\""),
        };
    }

    private static void CheckChoiceAnswer(AnswerKind kind, string answer, IReadOnlyList<string>? choices, string where)
    {
        if (kind != AnswerKind.Choice)
        {
            return;
        }

        var index = ChoiceOptions.IndexOf(answer);
        if (index < 0)
        {
            throw new G2rlException($"{where}: a choice answer must be one letter A-Z, got \"{answer}\"");
        }

        if (choices is not null && index >= choices.Count)
        {
            throw new G2rlException($"{where}: answer {answer} is outside the {choices.Count} choices");
        }
    }

    private static string? Id(JsonElement root, string where)
    {
        if (!root.TryGetProperty("id", out var id) || id.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return id.ValueKind switch
        {
            JsonValueKind.String when !string.IsNullOrWhiteSpace(id.GetString()) => id.GetString()!,
            JsonValueKind.Number when id.TryGetInt64(out var n) => n.ToString(CultureInfo.InvariantCulture),
            _ => throw new G2rlException($"{where}: 'id' must be a non-empty string or an integer"),
        };
    }

    private static int? Level(JsonElement root, string where)
    {
        if (!root.TryGetProperty("level", out var level) || level.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return level.ValueKind == JsonValueKind.Number && level.TryGetInt32(out var n)
            ? n
            : throw new G2rlException($"{where}: 'level' must be an integer or null");
    }

    private static string? OptionalString(JsonElement root, string name, string where)
    {
        if (!root.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return v.ValueKind == JsonValueKind.String
            ? v.GetString()
            : throw new G2rlException($"{where}: '{name}' must be a string, got {v.ValueKind}");
    }
}
