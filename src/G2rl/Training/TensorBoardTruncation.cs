using G2rl.Reporting;

namespace G2rl.Training;

/// <summary>
/// Drops TensorBoard events after a step, so that a resumed run logs each step once. Event files are TFRecord streams
/// (u64 length, u32 crc, Event proto, u32 crc); records are kept byte for byte (their checksums stay valid) when the
/// Event's <c>step</c> (field 2, varint) is at most the restored step. A torn record at the end (a killed writer) is dropped.
/// </summary>
public static class TensorBoardTruncation
{
    /// <summary>Rewrites every event file under <paramref name="directory"/>; returns the number of records dropped.</summary>
    public static int TruncateAfter(string directory, long step)
    {
        if (!Directory.Exists(directory))
        {
            return 0;
        }
        var dropped = 0;
        foreach (var file in Directory.GetFiles(directory, "*tfevents*", SearchOption.AllDirectories))
        {
            var bytes = File.ReadAllBytes(file);
            var kept = new MemoryStream(bytes.Length);
            var before = 0;
            foreach (var (start, length, recordStep) in Records(bytes))
            {
                before++;
                if (recordStep <= step)
                {
                    kept.Write(bytes, start, length);
                }
                else
                {
                    dropped++;
                }
            }
            if (kept.Length != bytes.Length)
            {
                AtomicFile.WriteAllBytes(file, kept.ToArray());
            }
        }
        return dropped;
    }

    /// <summary>(offset, byte length, event step) of each complete record.</summary>
    internal static IEnumerable<(int Start, int Length, long Step)> Records(byte[] bytes)
    {
        var pos = 0;
        while (pos + 12 <= bytes.Length)
        {
            var length = BitConverter.ToUInt64(bytes, pos);
            if (length > (ulong)(bytes.Length - pos - 16))
            {
                yield break;
            }
            var total = 16 + (int)length;
            yield return (pos, total, EventStep(bytes.AsSpan(pos + 12, (int)length)));
            pos += total;
        }
    }

    /// <summary>Field 2 (int64 step) of a serialized tensorboard.Event, 0 when absent.</summary>
    internal static long EventStep(ReadOnlySpan<byte> proto)
    {
        var pos = 0;
        while (pos < proto.Length)
        {
            var tag = ReadVarint(proto, ref pos);
            switch (tag & 7)
            {
                case 0:
                    var value = ReadVarint(proto, ref pos);
                    if (tag >> 3 == 2)
                    {
                        return (long)value;
                    }
                    break;
                case 1:
                    pos += 8;
                    break;
                case 2:
                    pos += (int)Math.Min(ReadVarint(proto, ref pos), (ulong)proto.Length);
                    break;
                case 5:
                    pos += 4;
                    break;
                default:
                    return 0;
            }
        }
        return 0;
    }

    private static ulong ReadVarint(ReadOnlySpan<byte> data, ref int pos)
    {
        ulong result = 0;
        for (var shift = 0; pos < data.Length && shift < 64; shift += 7)
        {
            var b = data[pos++];
            result |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80)
            {
                break;
            }
        }
        return result;
    }
}
