using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using TorchSharp;
using static TorchSharp.torch;

namespace G2rl.Checkpoints;

/// <summary>
/// Reader of one .safetensors file: parses and validates the header up front (truncation, overlapping or
/// out-of-range offsets, sizes that disagree with shape × dtype), then reads one tensor at a time straight
/// into a CPU tensor, so loading never needs twice the model size in memory.
/// </summary>
public sealed class SafetensorsFile
{
    private readonly long dataStart;

    private SafetensorsFile(string path, long dataStart, IReadOnlyDictionary<string, SafetensorsTensorInfo> tensors, IReadOnlyDictionary<string, string> metadata)
    {
        Path = path;
        this.dataStart = dataStart;
        Tensors = tensors;
        Metadata = metadata;
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>Tensor entries by name.</summary>
    public IReadOnlyDictionary<string, SafetensorsTensorInfo> Tensors { get; }

    /// <summary>The "__metadata__" strings.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>Opens and validates the header; errors name the file (and the tensor, where one is at fault).</summary>
    public static SafetensorsFile Open(string path)
    {
        if (!File.Exists(path))
        {
            throw new G2rlException($"safetensors file not found: {path}");
        }
        using var stream = File.OpenRead(path);
        var fileLength = stream.Length;
        Span<byte> lengthBytes = stackalloc byte[8];
        if (stream.Read(lengthBytes) != 8)
        {
            throw new G2rlException($"{path}: truncated safetensors file (no header length)");
        }
        var headerLength = BinaryPrimitives.ReadUInt64LittleEndian(lengthBytes);
        if (headerLength > (ulong)(fileLength - 8) || headerLength > 100_000_000)
        {
            throw new G2rlException($"{path}: truncated or corrupt safetensors file (header length {headerLength}, file length {fileLength})");
        }
        var header = new byte[headerLength];
        stream.ReadExactly(header);
        var dataStart = 8 + (long)headerLength;
        var (tensors, metadata) = ParseHeader(path, header);
        var dataLength = fileLength - dataStart;
        foreach (var info in tensors.Values)
        {
            if (info.End > dataLength)
            {
                throw new G2rlException($"{path}: tensor '{info.Name}' ends at byte {info.End} but the file holds only {dataLength} data bytes (truncated file)");
            }
        }
        return new SafetensorsFile(path, dataStart, tensors, metadata);
    }

    /// <summary>Reads a tensor into a new CPU tensor of its stored dtype and shape.</summary>
    public Tensor Read(string name)
    {
        if (!Tensors.TryGetValue(name, out var info))
        {
            throw new G2rlException($"{Path}: no tensor named '{name}'");
        }
        var tensor = torch.empty(info.Shape, info.DType);
        try
        {
            using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
            stream.Seek(dataStart + info.Begin, SeekOrigin.Begin);
            var remaining = info.End - info.Begin;
            if (remaining > int.MaxValue)
            {
                throw new G2rlException($"{Path}: tensor '{name}' is larger than 2 GiB, which this reader does not support");
            }
            if (remaining > 0)
            {
                stream.ReadExactly(tensor.bytes);
            }
            return tensor;
        }
        catch (EndOfStreamException ex)
        {
            tensor.Dispose();
            throw new G2rlException($"{Path}: tensor '{name}' is truncated", ex);
        }
    }

    private static (Dictionary<string, SafetensorsTensorInfo>, Dictionary<string, string>) ParseHeader(string path, byte[] header)
    {
        var tensors = new Dictionary<string, SafetensorsTensorInfo>(StringComparer.Ordinal);
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(Encoding.UTF8.GetString(header).TrimEnd(' ', '\0'));
        }
        catch (JsonException ex)
        {
            throw new G2rlException($"{path}: malformed safetensors header: {ex.Message}", ex);
        }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new G2rlException($"{path}: the safetensors header must be a JSON object");
            }
            foreach (var entry in doc.RootElement.EnumerateObject())
            {
                if (entry.Name == "__metadata__")
                {
                    if (entry.Value.ValueKind != JsonValueKind.Object)
                    {
                        throw new G2rlException($"{path}: '__metadata__' must be an object of strings");
                    }
                    foreach (var m in entry.Value.EnumerateObject())
                    {
                        metadata[m.Name] = m.Value.ToString();
                    }
                    continue;
                }
                tensors[entry.Name] = ParseEntry(path, entry);
            }
        }
        CheckNoOverlap(path, tensors.Values);
        return (tensors, metadata);
    }

    private static SafetensorsTensorInfo ParseEntry(string path, JsonProperty entry)
    {
        try
        {
            if (entry.Value.ValueKind != JsonValueKind.Object)
            {
                throw new G2rlException($"{path}: tensor '{entry.Name}' must be an object with dtype, shape and data_offsets");
            }
            var dtypeName = entry.Value.GetProperty("dtype").GetString() ?? "";
            var dtype = SafetensorsDType.ToScalarType(dtypeName)
                ?? throw new G2rlException($"{path}: tensor '{entry.Name}' has unsupported dtype {dtypeName}");
            var shape = entry.Value.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()).ToArray();
            var offsets = entry.Value.GetProperty("data_offsets").EnumerateArray().Select(e => e.GetInt64()).ToArray();
            if (offsets.Length != 2 || offsets[0] < 0 || offsets[1] < offsets[0] || shape.Any(s => s < 0))
            {
                throw new G2rlException($"{path}: tensor '{entry.Name}' has invalid shape or data_offsets");
            }
            var info = new SafetensorsTensorInfo(entry.Name, dtype, shape, offsets[0], offsets[1]);
            if (info.Elements * SafetensorsDType.ElementSize(dtype) != info.End - info.Begin)
            {
                throw new G2rlException($"{path}: tensor '{entry.Name}' byte range ({info.End - info.Begin}) does not match shape [{string.Join(", ", shape)}] × {dtypeName}");
            }
            return info;
        }
        catch (Exception ex) when (ex is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new G2rlException($"{path}: tensor '{entry.Name}' has a malformed header entry: {ex.Message}", ex);
        }
    }

    private static void CheckNoOverlap(string path, IEnumerable<SafetensorsTensorInfo> infos)
    {
        SafetensorsTensorInfo? previous = null;
        foreach (var info in infos.Where(i => i.End > i.Begin).OrderBy(i => i.Begin))
        {
            if (previous is not null && info.Begin < previous.End)
            {
                throw new G2rlException($"{path}: tensors '{previous.Name}' and '{info.Name}' overlap");
            }
            previous = info;
        }
    }
}
