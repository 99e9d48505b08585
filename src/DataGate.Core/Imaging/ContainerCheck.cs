using System.Buffers.Binary;
using System.IO.Hashing;

namespace DataGate.Core.Imaging;

/// <summary>
/// Structural checks ImageSharp does not make: ImageSharp 2.1 decodes a truncated JPEG or PNG without an
/// exception (the missing part comes out gray or black), so the container is walked here first.
/// </summary>
internal static class ContainerCheck
{
    /// <summary>Result of a structural check.</summary>
    internal enum Verdict
    {
        Ok,
        Truncated,
        Corrupt,
        TrailingData,
    }

    internal static (Verdict Verdict, string Detail) Check(string format, ReadOnlySpan<byte> data) => format switch
    {
        "JPEG" => CheckJpeg(data),
        "PNG" => CheckPng(data),
        "GIF" => CheckGif(data),
        "WEBP" => CheckRiff(data),
        "BMP" => CheckBmp(data),
        _ => (Verdict.Ok, string.Empty),
    };

    private static (Verdict, string) CheckJpeg(ReadOnlySpan<byte> data)
    {
        // Entropy-coded data stuffs 0xFF as FF 00, so FF D9 only ever occurs as the EOI marker; thumbnails
        // embedded in EXIF have their own EOI, but it lies before the main image's last SOS (FF DA).
        int lastSos = LastIndexOfMarker(data, 0xDA);
        if (lastSos < 0)
        {
            return (Verdict.Truncated, "no start-of-scan marker");
        }

        int eoi = data[lastSos..].IndexOf(stackalloc byte[] { 0xFF, 0xD9 });
        if (eoi < 0)
        {
            return (Verdict.Truncated, "missing end-of-image marker (FF D9)");
        }

        int end = lastSos + eoi + 2;
        return HasNonPadding(data[end..]) ? (Verdict.TrailingData, $"{data.Length - end} bytes after the end-of-image marker") : (Verdict.Ok, string.Empty);
    }

    private static int LastIndexOfMarker(ReadOnlySpan<byte> data, byte marker) => data.LastIndexOf([(byte)0xFF, marker]);

    private static (Verdict, string) CheckPng(ReadOnlySpan<byte> data)
    {
        int pos = 8;
        while (true)
        {
            if (pos + 8 > data.Length)
            {
                return (Verdict.Truncated, "file ends before the IEND chunk");
            }

            uint length = BinaryPrimitives.ReadUInt32BigEndian(data[pos..]);
            var type = data.Slice(pos + 4, 4);
            if (length > int.MaxValue || pos + 12L + length > data.Length)
            {
                return (Verdict.Truncated, $"chunk '{System.Text.Encoding.ASCII.GetString(type)}' runs past the end of the file");
            }

            var typeAndData = data.Slice(pos + 4, 4 + (int)length);
            uint stored = BinaryPrimitives.ReadUInt32BigEndian(data[(pos + 8 + (int)length)..]);
            if (Crc32.HashToUInt32(typeAndData) != stored)
            {
                return (Verdict.Corrupt, $"CRC mismatch in chunk '{System.Text.Encoding.ASCII.GetString(type)}' at byte {pos}");
            }

            pos += 12 + (int)length;
            if (type.SequenceEqual("IEND"u8))
            {
                return HasNonPadding(data[pos..]) ? (Verdict.TrailingData, $"{data.Length - pos} bytes after IEND") : (Verdict.Ok, string.Empty);
            }
        }
    }

    private static (Verdict, string) CheckGif(ReadOnlySpan<byte> data)
    {
        int last = data.Length - 1;
        while (last >= 0 && data[last] == 0)
        {
            last--;
        }

        return last >= 0 && data[last] == 0x3B ? (Verdict.Ok, string.Empty) : (Verdict.Truncated, "missing GIF trailer (0x3B)");
    }

    private static (Verdict, string) CheckRiff(ReadOnlySpan<byte> data)
    {
        if (data.Length < 12)
        {
            return (Verdict.Truncated, "RIFF header incomplete");
        }

        long declared = BinaryPrimitives.ReadUInt32LittleEndian(data[4..]) + 8L;
        if (declared > data.Length)
        {
            return (Verdict.Truncated, $"RIFF declares {declared} bytes, file has {data.Length}");
        }

        return (Verdict.Ok, string.Empty);
    }

    private static (Verdict, string) CheckBmp(ReadOnlySpan<byte> data)
    {
        if (data.Length < 14)
        {
            return (Verdict.Truncated, "BMP header incomplete");
        }

        long declared = BinaryPrimitives.ReadUInt32LittleEndian(data[2..]);
        uint offset = BinaryPrimitives.ReadUInt32LittleEndian(data[10..]);
        if (offset > data.Length || (declared > data.Length && declared != 0))
        {
            return (Verdict.Truncated, $"BMP declares {declared} bytes, file has {data.Length}");
        }

        return (Verdict.Ok, string.Empty);
    }

    private static bool HasNonPadding(ReadOnlySpan<byte> tail) => tail.IndexOfAnyExcept((byte)0) >= 0;
}
