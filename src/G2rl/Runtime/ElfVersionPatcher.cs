using System.Buffers.Binary;
using System.Text;

namespace G2rl.Runtime;

/// <summary>
/// Marks symbol-version requirements of an ELF64 little-endian shared object as WEAK
/// (<c>vna_flags |= VER_FLG_WEAK</c> in <c>.gnu.version_r</c>), so the dynamic loader accepts the
/// library when the system lacks that version. Used for <c>libLibTorchSharp.so</c>, which requires
/// <c>GLIBCXX_3.4.32</c> for one symbol nothing calls (<c>std::ios_base_library_init</c>).
/// </summary>
public static class ElfVersionPatcher
{
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlgWeak = 0x2;

    /// <summary>Returns the version names required by the image (from <c>.gnu.version_r</c>) with their flags.</summary>
    public static IReadOnlyList<(string File, string Version, ushort Flags)> ReadRequirements(byte[] image)
    {
        var result = new List<(string, string, ushort)>();
        Walk(image, (file, version, flagsOffset) =>
            result.Add((file, version, BinaryPrimitives.ReadUInt16LittleEndian(image.AsSpan(flagsOffset)))));
        return result;
    }

    /// <summary>Sets the WEAK flag on every requirement whose version name is in <paramref name="versions"/>; returns how many entries changed.</summary>
    public static int MarkWeak(byte[] image, IReadOnlySet<string> versions)
    {
        var changed = 0;
        Walk(image, (_, version, flagsOffset) =>
        {
            if (!versions.Contains(version))
            {
                return;
            }
            var flags = BinaryPrimitives.ReadUInt16LittleEndian(image.AsSpan(flagsOffset));
            if ((flags & VerFlgWeak) == 0)
            {
                BinaryPrimitives.WriteUInt16LittleEndian(image.AsSpan(flagsOffset), (ushort)(flags | VerFlgWeak));
                changed++;
            }
        });
        return changed;
    }

    private static void Walk(byte[] image, Action<string, string, int> visit)
    {
        if (image.Length < 64 || image[0] != 0x7f || image[1] != (byte)'E' || image[2] != (byte)'L' || image[3] != (byte)'F')
        {
            throw new InvalidDataException("not an ELF file");
        }
        if (image[4] != 2 || image[5] != 1)
        {
            throw new InvalidDataException("only ELF64 little-endian images are supported");
        }
        var span = image.AsSpan();
        var shoff = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(span[0x28..]));
        var shentsize = BinaryPrimitives.ReadUInt16LittleEndian(span[0x3A..]);
        var shnum = BinaryPrimitives.ReadUInt16LittleEndian(span[0x3C..]);
        for (var i = 0; i < shnum; i++)
        {
            var sh = span[(shoff + (i * shentsize))..];
            if (BinaryPrimitives.ReadUInt32LittleEndian(sh[4..]) != ShtGnuVerneed)
            {
                continue;
            }
            var offset = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(sh[0x18..]));
            var link = BinaryPrimitives.ReadUInt32LittleEndian(sh[0x28..]);
            var count = checked((int)BinaryPrimitives.ReadUInt32LittleEndian(sh[0x2C..]));
            var strSh = span[(shoff + ((int)link * shentsize))..];
            var strOffset = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(strSh[0x18..]));
            WalkVerneed(image, offset, count, strOffset, visit);
        }
    }

    private static void WalkVerneed(byte[] image, int offset, int count, int strOffset, Action<string, string, int> visit)
    {
        var span = image.AsSpan();
        var need = offset;
        for (var n = 0; n < count; n++)
        {
            var cnt = BinaryPrimitives.ReadUInt16LittleEndian(span[(need + 2)..]);
            var file = ReadString(image, strOffset + (int)BinaryPrimitives.ReadUInt32LittleEndian(span[(need + 4)..]));
            var aux = need + (int)BinaryPrimitives.ReadUInt32LittleEndian(span[(need + 8)..]);
            for (var a = 0; a < cnt; a++)
            {
                var name = ReadString(image, strOffset + (int)BinaryPrimitives.ReadUInt32LittleEndian(span[(aux + 8)..]));
                visit(file, name, aux + 4);
                var nextAux = BinaryPrimitives.ReadUInt32LittleEndian(span[(aux + 12)..]);
                if (nextAux == 0)
                {
                    break;
                }
                aux += (int)nextAux;
            }
            var next = BinaryPrimitives.ReadUInt32LittleEndian(span[(need + 12)..]);
            if (next == 0)
            {
                break;
            }
            need += (int)next;
        }
    }

    private static string ReadString(byte[] image, int offset)
    {
        var end = Array.IndexOf(image, (byte)0, offset);
        return Encoding.ASCII.GetString(image, offset, end - offset);
    }
}
