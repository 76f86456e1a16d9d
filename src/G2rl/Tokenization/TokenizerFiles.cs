using System.IO.Compression;
using System.Text.Json;

namespace G2rl.Tokenization;

/// <summary>Finding and reading tokenizer files; every failure is a <see cref="G2rlException"/> naming the path.</summary>
internal static class TokenizerFiles
{
    public const string TokenizerJson = "tokenizer.json";
    public const string TokenizerJsonGz = "tokenizer.json.gz";
    public const string ConfigJson = "tokenizer_config.json";

    /// <summary>The tokenizer.json (or .json.gz) of a model directory, or the file itself.</summary>
    public static string ResolveTokenizerPath(string pathOrDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(pathOrDirectory);
        if (Directory.Exists(pathOrDirectory))
        {
            foreach (var name in new[] { TokenizerJson, TokenizerJsonGz })
            {
                var candidate = Path.Combine(pathOrDirectory, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
            throw new G2rlException($"no {TokenizerJson} or {TokenizerJsonGz} in directory {pathOrDirectory}");
        }
        if (!File.Exists(pathOrDirectory))
        {
            throw new G2rlException($"tokenizer file or directory not found: {pathOrDirectory}");
        }
        return pathOrDirectory;
    }

    /// <summary>
    /// The tokenizer_config.json that belongs to a tokenizer file: "<c>Xtokenizer_config.json</c>" beside
    /// "<c>Xtokenizer.json[.gz]</c>" (X often empty), else plain tokenizer_config.json in the same folder; null when none.
    /// </summary>
    public static string? FindConfigBeside(string tokenizerPath)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(tokenizerPath)) ?? ".";
        var name = Path.GetFileName(tokenizerPath);
        var candidates = new List<string>();
        foreach (var suffix in new[] { TokenizerJson, TokenizerJsonGz })
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal))
            {
                candidates.Add(Path.Combine(directory, name[..^suffix.Length] + ConfigJson));
            }
        }
        candidates.Add(Path.Combine(directory, ConfigJson));
        return candidates.FirstOrDefault(File.Exists);
    }

    /// <summary>The bytes of a file, gunzipped when they are gzip data.</summary>
    public static byte[] ReadBytes(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new G2rlException($"cannot read tokenizer file {path}: {ex.Message}", ex);
        }
        var isGzip = bytes.Length >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b;
        if (!isGzip)
        {
            if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
            {
                throw new G2rlException($"{path} is named .gz but is not gzip data");
            }
            return bytes;
        }
        try
        {
            using var input = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
            using var output = new MemoryStream();
            input.CopyTo(output);
            return output.ToArray();
        }
        catch (InvalidDataException ex)
        {
            throw new G2rlException($"{path} is not valid gzip data: {ex.Message}", ex);
        }
    }

    /// <summary>Parses JSON; the caller disposes the document.</summary>
    public static JsonDocument ParseJson(byte[] bytes, string path)
    {
        try
        {
            var document = JsonDocument.Parse(bytes);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                document.Dispose();
                throw new G2rlException($"{path} is not a JSON object");
            }
            return document;
        }
        catch (JsonException ex)
        {
            throw new G2rlException($"{path} is not valid JSON: {ex.Message}", ex);
        }
    }
}
