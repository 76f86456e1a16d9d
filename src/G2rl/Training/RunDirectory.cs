namespace G2rl.Training;

/// <summary>
/// Guards a run directory (run.output_dir) before anything is written: a directory that already holds a run is only
/// continued with <c>--resume</c> or replaced with <c>--overwrite</c>, never silently reused; it must be writable.
/// </summary>
public static class RunDirectory
{
    /// <summary>What a run writes; <c>--overwrite</c> removes these and nothing else.</summary>
    private static readonly string[] RunEntries = ["checkpoints", "tensorboard", "completions", "metrics.jsonl", "config.resolved.json"];

    /// <summary>Checks (and with <paramref name="overwrite"/> clears) <paramref name="runDir"/>; creates it; probes that it is writable.</summary>
    public static void Prepare(string runDir, bool resuming, bool overwrite)
    {
        if (resuming && overwrite)
        {
            throw new G2rlException("--resume and --overwrite exclude each other");
        }
        if (File.Exists(runDir))
        {
            throw new G2rlException($"run.output_dir {runDir} is a file, not a directory");
        }
        if (!resuming && Directory.Exists(runDir) && Directory.EnumerateFileSystemEntries(runDir).Any())
        {
            if (!overwrite)
            {
                throw new G2rlException($"run.output_dir {runDir} is not empty (an earlier run?): pass --resume {runDir} to continue it, --overwrite to replace it, or choose another run.output_dir");
            }
            Clear(runDir);
        }
        try
        {
            Directory.CreateDirectory(runDir);
            var probe = Path.Combine(runDir, $".write-test-{Guid.NewGuid():N}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new G2rlException($"run.output_dir {runDir} is not writable: {ex.Message}", ex);
        }
    }

    private static void Clear(string runDir)
    {
        var foreign = Directory.EnumerateFileSystemEntries(runDir).Select(Path.GetFileName).Where(n => !RunEntries.Contains(n)).ToList();
        if (foreign.Count > 0)
        {
            throw new G2rlException($"--overwrite: run.output_dir {runDir} holds files a run does not write ({string.Join(", ", foreign.Take(3))}); remove them or choose another directory");
        }
        foreach (var name in RunEntries)
        {
            var path = Path.Combine(runDir, name);
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
            else if (File.Exists(path))
            {
                File.Delete(path);
            }
        }
    }
}
