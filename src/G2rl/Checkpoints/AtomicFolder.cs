namespace G2rl.Checkpoints;

/// <summary>Replaces a folder by a fully written one with renames only, so readers see the old or the new folder, never a mix.</summary>
public static class AtomicFolder
{
    /// <summary>
    /// Moves <paramref name="source"/> to <paramref name="target"/>; an existing target is moved aside first and deleted last.
    /// Every file of <paramref name="source"/> is flushed to disk (fsync) before the rename, so a power loss after it
    /// cannot leave a renamed folder with empty or partial files.
    /// </summary>
    public static void Replace(string source, string target)
    {
        FlushToDisk(source);
        string? aside = null;
        if (Directory.Exists(target))
        {
            aside = Path.Combine(Path.GetDirectoryName(target) ?? ".", $".{Path.GetFileName(target)}.old-{Guid.NewGuid():N}");
            Directory.Move(target, aside);
        }
        try
        {
            Directory.Move(source, target);
        }
        catch
        {
            if (aside is not null && !Directory.Exists(target))
            {
                Directory.Move(aside, target);
            }
            throw;
        }
        if (aside is not null)
        {
            Directory.Delete(aside, recursive: true);
        }
    }

    /// <summary>fsync of every file under <paramref name="folder"/>.</summary>
    public static void FlushToDisk(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
            stream.Flush(flushToDisk: true);
        }
    }
}
