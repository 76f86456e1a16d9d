using System.Text.Json;
using TorchSharp;

namespace G2rl.Training;

/// <summary>Per-step metrics to &lt;run&gt;/metrics.jsonl (one flushed line per step) and TensorBoard event files in &lt;run&gt;/tensorboard.</summary>
public sealed class MetricsLog : IDisposable
{
    private readonly StreamWriter jsonl;
    private readonly TorchSharp.Modules.SummaryWriter? tensorboard;

    public MetricsLog(string runDirectory, bool append, bool tensorBoard = true)
    {
        Directory.CreateDirectory(runDirectory);
        jsonl = new StreamWriter(Path.Combine(runDirectory, "metrics.jsonl"), append) { AutoFlush = true };
        if (tensorBoard)
        {
            tensorboard = torch.utils.tensorboard.SummaryWriter(Path.Combine(runDirectory, "tensorboard"));
        }
    }

    /// <summary>Appends one record {"step": s, ...metrics} and the scalars to TensorBoard.</summary>
    public void Write(int step, IReadOnlyDictionary<string, double> metrics)
    {
        var record = new Dictionary<string, object> { ["step"] = step };
        foreach (var (k, v) in metrics)
        {
            record[k] = double.IsFinite(v) ? v : v.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (double.IsFinite(v))
            {
                tensorboard?.add_scalar(k, (float)v, step);
            }
        }
        jsonl.WriteLine(JsonSerializer.Serialize(record));
    }

    /// <summary>
    /// Keeps only the records of steps ≤ <paramref name="step"/> in &lt;run&gt;/metrics.jsonl and TensorBoard (a resume
    /// from that step then logs each step once); an unreadable line (a torn write) is dropped. Returns the records dropped.
    /// </summary>
    public static int TruncateAfter(string runDirectory, int step)
    {
        var dropped = TensorBoardTruncation.TruncateAfter(Path.Combine(runDirectory, "tensorboard"), step);
        var path = Path.Combine(runDirectory, "metrics.jsonl");
        if (!File.Exists(path))
        {
            return dropped;
        }
        var lines = File.ReadAllLines(path);
        var kept = lines.Where(l => StepOf(l) is { } s && s <= step).ToList();
        if (kept.Count != lines.Length)
        {
            Reporting.AtomicFile.WriteAllText(path, kept.Count == 0 ? "" : string.Join('\n', kept) + "\n");
        }
        return dropped + lines.Length - kept.Count;
    }

    private static int? StepOf(string line)
    {
        try
        {
            using var doc = JsonDocument.Parse(line);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("step", out var s) && s.TryGetInt32(out var v) ? v : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        jsonl.Dispose();
    }
}
