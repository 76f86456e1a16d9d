using System.Globalization;

namespace G2rl.Training;

/// <summary>
/// Housekeeping of &lt;run&gt;/checkpoints at the start of a run: temporary folders of interrupted saves are removed, and
/// on a resume from an older checkpoint the newer ones (an abandoned branch) are moved into
/// <c>checkpoints/abandoned-&lt;UTC time&gt;/</c>, so the latest checkpoint is always this run's.
/// </summary>
public static class CheckpointBranches
{
    private const string Prefix = "step-";

    /// <summary>Deletes <c>.step-*.tmp-*</c> (unfinished saves) and <c>.step-*.old-*</c> (replaced folders); returns how many.</summary>
    public static int RemoveOrphans(string checkpointsDir)
    {
        if (!Directory.Exists(checkpointsDir))
        {
            return 0;
        }
        var orphans = Directory.GetDirectories(checkpointsDir, "." + Prefix + "*")
            .Where(d => Path.GetFileName(d).Contains(".tmp-", StringComparison.Ordinal) || Path.GetFileName(d).Contains(".old-", StringComparison.Ordinal))
            .ToList();
        foreach (var dir in orphans)
        {
            Directory.Delete(dir, recursive: true);
        }
        return orphans.Count;
    }

    /// <summary>Moves every step-N folder with N &gt; <paramref name="restoredStep"/> aside; returns the folder they went to, or null.</summary>
    public static string? MoveNewerAside(string checkpointsDir, int restoredStep)
    {
        if (!Directory.Exists(checkpointsDir))
        {
            return null;
        }
        var newer = Directory.GetDirectories(checkpointsDir, Prefix + "*")
            .Where(d => int.TryParse(Path.GetFileName(d)[Prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s > restoredStep)
            .OrderBy(d => d, StringComparer.Ordinal)
            .ToList();
        if (newer.Count == 0)
        {
            return null;
        }
        var aside = Path.Combine(checkpointsDir, "abandoned-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss-fff", CultureInfo.InvariantCulture));
        Directory.CreateDirectory(aside);
        foreach (var dir in newer)
        {
            Directory.Move(dir, Path.Combine(aside, Path.GetFileName(dir)));
        }
        return aside;
    }
}
