using System.IO.Hashing;
using DataGate.Core.Imaging;

namespace DataGate.Core.Hashing;

/// <summary>Exact-duplicate digests: XxHash128 (System.IO.Hashing), 32 lowercase hex digits (high 64 bits first).</summary>
internal static class ContentDigest
{
    /// <summary><c>file_hash</c>: XxHash128 of the file's bytes.</summary>
    /// <param name="path">File to read (streamed).</param>
    public static string FileHash(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return FileHash(stream);
    }

    /// <summary><c>file_hash</c> of a stream's remaining bytes.</summary>
    /// <param name="stream">Readable stream; read to its end.</param>
    public static string FileHash(Stream stream)
    {
        var hasher = new XxHash128();
        hasher.Append(stream);
        return Format(hasher.GetCurrentHashAsUInt128());
    }

    /// <summary><c>file_hash</c> of bytes already in memory.</summary>
    /// <param name="bytes">The file's bytes.</param>
    public static string FileHash(ReadOnlySpan<byte> bytes) => Format(XxHash128.HashToUInt128(bytes));

    /// <summary>
    /// <c>pixel_hash</c>: XxHash128 of width and height (each 4 bytes, little-endian) followed by the decoded
    /// interleaved RGB bytes, so equal pixels in different containers or encodings give the same digest.
    /// </summary>
    /// <param name="image">Decoded image.</param>
    public static string PixelHash(RgbImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        Span<byte> header = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(header, image.Width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(header[4..], image.Height);
        var hasher = new XxHash128();
        hasher.Append(header);
        hasher.Append(image.Pixels);
        return Format(hasher.GetCurrentHashAsUInt128());
    }

    private static string Format(UInt128 value) => value.ToString("x32", System.Globalization.CultureInfo.InvariantCulture);
}
