using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using G2rl.Reporting;
using G2rl.Training.Config;

namespace G2rl.Study;

/// <summary>
/// Finished runs on disk: &lt;run folder&gt;/study-run.json, written atomically after the run's evaluation. A record is reused
/// only when its key — a hash of the base checkpoint's weight files (names, sizes, modification times), the run's resolved
/// config, the evaluation settings and the held-out and validation problem ids — matches.
/// </summary>
public static class StudyRunStore
{
    public const string FileName = "study-run.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = false,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>The key of a run made with <paramref name="config"/> (null for the base evaluation) under <paramref name="plan"/>.</summary>
    public static string Key(StudyPlan plan, TrainConfig? config, int maxNewTokens)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var text = string.Join("\n", BaseFingerprint(plan.Template.Model.Path),
            config is null ? "base:" + plan.Template.Model.Path : ConfigLoader.ToJson(config with { Run = config.Run with { OutputDir = "" } }),
            JsonSerializer.Serialize(plan.Eval), maxNewTokens, plan.EvalSeed, plan.HeldOutName, string.Join(",", plan.HeldOut.Select(p => p.Id)), "validation:" + string.Join(",", plan.Validation.Select(p => p.Id)), "v1");
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16].ToLowerInvariant();
    }

    /// <summary>Names, sizes and modification times of the base checkpoint's weight files: a retrained base at the same path invalidates every record.</summary>
    private static string BaseFingerprint(string directory) => !Directory.Exists(directory) ? ""
        : string.Join(";", Directory.GetFiles(directory, "*.safetensors").Order(StringComparer.Ordinal)
            .Select(f => new FileInfo(f)).Select(f => $"{f.Name}:{f.Length}:{f.LastWriteTimeUtc.Ticks}"));

    /// <summary>The stored run in <paramref name="directory"/> when it exists, parses and has <paramref name="key"/>; else null.</summary>
    public static StoredRun? TryLoad(string directory, string key)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            return null;
        }
        try
        {
            var run = JsonSerializer.Deserialize<StoredRun>(File.ReadAllText(path), Json);
            return run?.Key == key ? run : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static void Save(string directory, StoredRun run)
    {
        Directory.CreateDirectory(directory);
        AtomicFile.WriteAllText(Path.Combine(directory, FileName), JsonSerializer.Serialize(run, Json));
    }
}
