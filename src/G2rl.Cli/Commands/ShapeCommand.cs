using System.CommandLine;
using System.Text.Json;
using G2rl.Exploration;
using G2rl.Rl;

namespace G2rl.Cli;

/// <summary><c>g2rl shape</c>: G2RL's score and reward shaping for one group, as JSON.</summary>
internal static class ShapeCommand
{
    public static Command Create()
    {
        var input = new Option<string>("--input") { Description = "JSON {\"features\": [[...]], \"rewards\": [...], \"lambda\": 0.5, \"mode\": \"printed\"|\"prose\", \"clip\": 3}", Required = true };
        var command = new Command("shape", "Print {\"nu\", \"nu_bar\", \"shaped_rewards\", \"advantages\"} (GRPO standardisation of the shaped rewards).") { input };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(input)!;
            var request = Read(path);
            var nu = GroupExplorationScore.Nu(request.Features, request.Rewards);
            var nuBar = RewardShaping.MinMax(nu);
            var shaped = RewardShaping.Shape(request.Rewards, nuBar, request.Lambda, request.Mode, request.Clip);
            var advantages = Advantages.ComputeLoop([shaped.Select(x => (float)x).ToArray()], AdvantageEstimator.Grpo)[0];
            JsonOutput.Write(new { nu, nu_bar = nuBar, shaped_rewards = shaped, advantages });
            return 0;
        });
        return command;
    }

    private static (double[][] Features, double[] Rewards, double Lambda, ShapingMode Mode, double Clip) Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new G2rlException($"input file not found: {path}");
        }
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(File.ReadAllText(path));
        }
        catch (JsonException ex)
        {
            throw new G2rlException($"{path}: malformed JSON: {ex.Message}", ex);
        }
        using var owned = doc;
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("features", out var f) || f.ValueKind != JsonValueKind.Array || !root.TryGetProperty("rewards", out var r) || r.ValueKind != JsonValueKind.Array)
        {
            throw new G2rlException($"{path}: needs 'features' (list of vectors) and 'rewards' (list of numbers)");
        }
        var features = f.EnumerateArray().Select((v, i) => v.ValueKind == JsonValueKind.Array
            ? v.EnumerateArray().Select((x, j) => Number(x, path, $"features[{i}][{j}]")).ToArray()
            : throw new G2rlException($"{path}: 'features[{i}]' must be a list of numbers")).ToArray();
        var rewards = r.EnumerateArray().Select((x, i) => Number(x, path, $"rewards[{i}]")).ToArray();
        if (features.Length == 0 || features.Length != rewards.Length || features.Any(v => v.Length != features[0].Length || v.Length == 0))
        {
            throw new G2rlException($"{path}: 'features' must be {rewards.Length} vectors of one non-zero length, one per reward");
        }
        var lambda = root.TryGetProperty("lambda", out var l) ? Number(l, path, "lambda") : 0.5;
        var modeName = root.TryGetProperty("mode", out var m) ? (m.ValueKind == JsonValueKind.String ? m.GetString() : throw new G2rlException($"{path}: 'mode' must be a string")) : "printed";
        var mode = modeName switch
        {
            "printed" => ShapingMode.Printed,
            "prose" => ShapingMode.Prose,
            _ => throw new G2rlException($"{path}: 'mode' must be printed or prose, got '{modeName}'"),
        };
        var clip = root.TryGetProperty("clip", out var c) ? Number(c, path, "clip") : 3.0;
        if (lambda < 0 || clip <= 0)
        {
            throw new G2rlException($"{path}: 'lambda' must be ≥ 0 and 'clip' > 0");
        }
        return (features, rewards, lambda, mode, clip);
    }

    private static double Number(JsonElement e, string path, string field) =>
        e.ValueKind == JsonValueKind.Number && e.TryGetDouble(out var v) && double.IsFinite(v) ? v : throw new G2rlException($"{path}: '{field}' must be a finite number");
}
