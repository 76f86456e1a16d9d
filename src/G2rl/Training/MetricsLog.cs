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

    public void Dispose()
    {
        jsonl.Dispose();

    }
}
