namespace G2rl.Runtime;

/// <summary>
/// Keeps a copy of a native library with some symbol-version requirements marked weak, in a cache
/// folder (<c>G2RL_CACHE</c>, else <c>$XDG_CACHE_HOME/g2rl</c>, else <c>~/.cache/g2rl</c>). Made once per
/// source file (keyed by size and modification time) and reused; the source file is never modified.
/// </summary>
internal static class PatchedLibraryCache
{
    /// <summary>Path of the patched copy of <paramref name="source"/>, creating it if needed (atomic temp + rename).</summary>
    public static string GetOrCreate(string source, IReadOnlySet<string> weakVersions)
    {
        var info = new FileInfo(source);
        var key = $"{info.Length:x}-{info.LastWriteTimeUtc.Ticks:x}";
        var dir = Path.Combine(CacheRoot(), "native", key);
        var target = Path.Combine(dir, info.Name);
        if (File.Exists(target))
        {
            return target;
        }
        Directory.CreateDirectory(dir);
        var image = File.ReadAllBytes(source);
        ElfVersionPatcher.MarkWeak(image, weakVersions);
        var temp = Path.Combine(dir, $".{info.Name}.{Environment.ProcessId}.tmp");
        File.WriteAllBytes(temp, image);
        File.Move(temp, target, overwrite: true);
        return target;
    }

    /// <summary>The cache root folder.</summary>
    public static string CacheRoot()
    {
        var env = Environment.GetEnvironmentVariable("G2RL_CACHE");
        if (!string.IsNullOrWhiteSpace(env))
        {
            return env;
        }
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var root = !string.IsNullOrWhiteSpace(xdg)
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(root, "g2rl");
    }
}
