using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using SkiaSharp;

namespace DataGate.Core.Imaging;

/// <summary>
/// The <see cref="DecodeEngine.LibJpegTurbo"/> engine: JPEG through SkiaSharp 2.88's SKCodec, which wraps
/// libjpeg-turbo with the defaults Pillow and OpenCV use (ISLOW IDCT, fancy upsampling), so the pixels equal theirs.
/// Called by <see cref="SafeImageDecoder"/> only after its own checks (format, container walk, header size limit).
/// Pixels come out as the raw decoded values: no colour-space conversion (the destination has no colour space, so
/// an embedded ICC profile is not applied, as in Pillow's <c>convert("RGB")</c>) and no EXIF orientation.
/// </summary>
internal static class SkiaJpegDecoder
{
    // Rows decoded per native call: a small RGBA strip is converted into the caller's RGB buffer, so no image-sized
    // scratch buffer is ever allocated.
    private const int StripBytes = 256 * 1024;

    private static readonly Lazy<string?> s_loadError = new(Probe, LazyThreadSafetyMode.ExecutionAndPublication);

    [ThreadStatic]
    private static byte[]? t_strip;

    /// <summary>Why the native library cannot be used in this process, or null when it loads.</summary>
    public static string? LoadError => s_loadError.Value;

    /// <summary>The libSkiaSharp version loaded, for messages; null when it does not load.</summary>
    public static string? NativeVersion => LoadError is null ? SkiaSharpVersion.Native.ToString() : null;

    /// <summary>
    /// Bytes libjpeg-turbo allocates beyond the output strip: a progressive (or multi-scan) JPEG keeps every DCT
    /// coefficient of the image (2 bytes per sample, up to 3 components at full resolution), a baseline one a few rows.
    /// </summary>
    public static long EstimateNativeBytes(int width, int height, bool progressive) =>
        progressive ? (long)width * height * 3 * 2 : (long)width * 16 * 3 * 4;

    /// <summary>
    /// Decodes a JPEG into <paramref name="rgb"/> (width·height·3 bytes, RGB rows without padding).
    /// Returns null on success, else what libjpeg-turbo or Skia reported.
    /// </summary>
    public static string? Decode(byte[] data, int width, int height, bool gray, byte[] rgb)
    {
        using var skData = SKData.CreateCopy(data);
        using var codec = SKCodec.Create(skData);
        if (codec is null)
        {
            return "libjpeg-turbo rejected the header";
        }

        if (codec.EncodedFormat != SKEncodedImageFormat.Jpeg)
        {
            return $"Skia identified the data as {codec.EncodedFormat}, not JPEG";
        }

        if (codec.Info.Width != width || codec.Info.Height != height)
        {
            return $"libjpeg-turbo reads {codec.Info.Width}x{codec.Info.Height}, the header check read {width}x{height}";
        }

        // Null colour space: Skia applies no colour transform, the samples are libjpeg-turbo's output as they are.
        int bytesPerPixel = gray ? 1 : 4;
        var info = new SKImageInfo(width, height, gray ? SKColorType.Gray8 : SKColorType.Rgba8888, gray ? SKAlphaType.Opaque : SKAlphaType.Unpremul, null);
        var start = codec.StartScanlineDecode(info);
        if (start != SKCodecResult.Success)
        {
            return $"libjpeg-turbo could not start decoding ({start})";
        }

        int rowBytes = width * bytesPerPixel;
        int rows = Math.Clamp(StripBytes / rowBytes, 1, height);
        var strip = t_strip is { } s && s.Length >= rows * rowBytes ? s : new byte[rows * rowBytes];
        if (strip.Length <= 4 * StripBytes)
        {
            t_strip = strip;
        }

        var handle = GCHandle.Alloc(strip, GCHandleType.Pinned);
        try
        {
            var pointer = handle.AddrOfPinnedObject();
            for (int y = 0; y < height; y += rows)
            {
                int count = Math.Min(rows, height - y);
                int got = codec.GetScanlines(pointer, count, rowBytes);
                if (got != count)
                {
                    return $"libjpeg-turbo stopped at row {y + Math.Max(got, 0)} of {height}";
                }

                Expand(strip.AsSpan(0, count * rowBytes), rgb.AsSpan(y * width * 3, count * width * 3), gray);
            }
        }
        finally
        {
            handle.Free();
        }

        return null;
    }

    /// <summary>
    /// True when the first frame header is progressive or otherwise multi-scan (SOF2, SOF3, SOF6, SOF7, SOF10, SOF11,
    /// SOF14, SOF15): libjpeg-turbo then buffers the whole image's coefficients. Walks the marker segments after SOI.
    /// </summary>
    public static bool IsMultiScan(ReadOnlySpan<byte> data)
    {
        int pos = 2;
        while (pos + 4 <= data.Length)
        {
            if (data[pos] != 0xFF)
            {
                return false;
            }

            byte marker = data[pos + 1];
            if (marker == 0xFF)
            {
                pos++;
                continue;
            }

            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                return marker is not (0xC0 or 0xC1 or 0xC5 or 0xC9 or 0xCD);
            }

            if (marker is 0xD8 or 0x01 or (>= 0xD0 and <= 0xD7))
            {
                pos += 2;
                continue;
            }

            if (marker is 0xDA or 0xD9)
            {
                return false;
            }

            pos += 2 + ((data[pos + 2] << 8) | data[pos + 3]);
        }

        return false;
    }

    private static void Expand(ReadOnlySpan<byte> source, Span<byte> rgb, bool gray)
    {
        if (gray)
        {
            // Pillow's L → RGB copies the gray level into each channel.
            PixelGeometry.ToRgb24(source, source.Length, 1, source.Length, PixelLayout.L8, rgb);
            return;
        }

        // Four pixels per step: one 16-byte load, a byte shuffle that drops every fourth byte, one 16-byte store of
        // which the last 4 bytes are overwritten by the next step (so the vector loop stops 16 bytes before the end).
        int o0 = 0;
        int i0 = 0;
        if (Vector128.IsHardwareAccelerated && rgb.Length >= 16)
        {
            var dropAlpha = Vector128.Create((byte)0, 1, 2, 4, 5, 6, 8, 9, 10, 12, 13, 14, 0x80, 0x80, 0x80, 0x80);
            ref byte src0 = ref MemoryMarshal.GetReference(source);
            ref byte dst0 = ref MemoryMarshal.GetReference(rgb);
            for (; o0 + 16 <= rgb.Length && i0 + 16 <= source.Length; o0 += 12, i0 += 16)
            {
                Vector128.Shuffle(Vector128.LoadUnsafe(ref src0, (nuint)i0), dropAlpha).StoreUnsafe(ref dst0, (nuint)o0);
            }
        }

        for (int i = i0, o = o0; o < rgb.Length; i += 4, o += 3)
        {
            rgb[o] = source[i];
            rgb[o + 1] = source[i + 1];
            rgb[o + 2] = source[i + 2];
        }
    }

    private static string? Probe()
    {
        try
        {
            // The first call into libSkiaSharp: loads the native library (and fails here when it cannot).
            _ = SkiaSharpVersion.Native;
            using var data = SKData.CreateCopy(new byte[] { 0xFF, 0xD8, 0xFF, 0xD9 });
            using var codec = SKCodec.Create(data);
            return null;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException or TypeInitializationException or MarshalDirectiveException)
        {
            var inner = ex is TypeInitializationException { InnerException: { } i } ? i : ex;
            return $"the native library libSkiaSharp could not be loaded for {RuntimeInformation.RuntimeIdentifier}: {inner.GetType().Name}: {inner.Message}";
        }
    }
}
