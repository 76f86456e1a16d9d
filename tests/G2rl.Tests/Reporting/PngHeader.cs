using System.Buffers.Binary;

namespace G2rl.Tests.Reporting;

/// <summary>Reads a PNG's signature and the size in its IHDR chunk.</summary>
internal sealed record PngHeader(int Width, int Height)
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The size, or an assertion failure when the bytes do not start with a PNG signature and an IHDR chunk.</summary>
    public static PngHeader Read(byte[] bytes)
    {
        Assert.True(bytes.Length > 33, $"only {bytes.Length} bytes");
        Assert.Equal(Signature, bytes[..8]);
        Assert.Equal(13, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(8)));
        Assert.Equal("IHDR"u8.ToArray(), bytes[12..16]);
        Assert.Equal("IEND"u8.ToArray(), bytes[^8..^4]);
        return new PngHeader(BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
    }
}
