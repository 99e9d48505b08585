namespace DataGate.Core.Imaging;

/// <summary>Validates the geometry of caller-supplied pixels and converts them to the interleaved RGB24 every metric reads.</summary>
internal static class PixelGeometry
{
    public static (int BytesPerPixel, int Channels, string Mode) Validate(int pixelsLength, int width, int height, int stride, PixelLayout layout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        var (bpp, channels, mode) = layout switch
        {
            PixelLayout.Rgb24 => (3, 3, "RGB"),
            PixelLayout.Rgba32 or PixelLayout.Bgra32 => (4, 4, "RGBA"),
            PixelLayout.L8 => (1, 1, "L"),
            _ => throw new ArgumentOutOfRangeException(nameof(layout), layout, "unknown pixel layout"),
        };
        long row = (long)width * bpp;
        if (stride < row)
        {
            throw new ArgumentOutOfRangeException(nameof(stride), stride, $"stride must be at least width × {bpp} = {row} bytes");
        }

        long needed = ((long)stride * (height - 1)) + row;
        if (pixelsLength < needed)
        {
            throw new ArgumentException($"{width}×{height} {layout} pixels with stride {stride} need {needed} bytes; the span has {pixelsLength}", nameof(pixelsLength));
        }

        return (bpp, channels, mode);
    }

    /// <summary>Converts rows to RGB24: alpha dropped without compositing (Pillow's <c>convert("RGB")</c>), gray replicated.</summary>
    public static void ToRgb24(ReadOnlySpan<byte> pixels, int width, int height, int stride, PixelLayout layout, Span<byte> rgb)
    {
        int rowBytes = width * 3;
        for (int y = 0; y < height; y++)
        {
            var src = pixels.Slice(y * stride);
            var dst = rgb.Slice(y * rowBytes, rowBytes);
            switch (layout)
            {
                case PixelLayout.Rgb24:
                    src[..rowBytes].CopyTo(dst);
                    break;
                case PixelLayout.Rgba32:
                    for (int x = 0, s = 0, d = 0; x < width; x++, s += 4, d += 3)
                    {
                        dst[d] = src[s];
                        dst[d + 1] = src[s + 1];
                        dst[d + 2] = src[s + 2];
                    }

                    break;
                case PixelLayout.Bgra32:
                    for (int x = 0, s = 0, d = 0; x < width; x++, s += 4, d += 3)
                    {
                        dst[d] = src[s + 2];
                        dst[d + 1] = src[s + 1];
                        dst[d + 2] = src[s];
                    }

                    break;
                default:
                    for (int x = 0, d = 0; x < width; x++, d += 3)
                    {
                        byte g = src[x];
                        dst[d] = g;
                        dst[d + 1] = g;
                        dst[d + 2] = g;
                    }

                    break;
            }
        }
    }
}
