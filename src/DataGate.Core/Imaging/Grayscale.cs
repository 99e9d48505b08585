namespace DataGate.Core.Imaging;

/// <summary>
/// The two 8-bit grayscale conversions the Python reference tools use. They differ by one level on about
/// 0.13 % of colours, so each metric uses the one its reference implementation uses.
/// </summary>
internal static class Grayscale
{
    /// <summary>
    /// OpenCV <c>cvtColor(RGB2GRAY)</c>: <c>(9798 R + 19235 G + 3735 B + 16384) &gt;&gt; 15</c>.
    /// Used by Laplacian variance, entropy, FFT blur and BRISQUE.
    /// </summary>
    public static byte[] OpenCv(RgbImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var src = image.Pixels;
        var dst = new byte[image.PixelCount];
        for (int i = 0, j = 0; i < dst.Length; i++, j += 3)
        {
            dst[i] = (byte)(((9798 * src[j]) + (19235 * src[j + 1]) + (3735 * src[j + 2]) + 16384) >> 15);
        }

        return dst;
    }

    /// <summary>
    /// Pillow <c>convert("L")</c>: <c>(19595 R + 38470 G + 7471 B + 32768) &gt;&gt; 16</c>.
    /// Used by the imagehash-compatible perceptual hashes.
    /// </summary>
    public static byte[] Pillow(RgbImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var src = image.Pixels;
        var dst = new byte[image.PixelCount];
        for (int i = 0, j = 0; i < dst.Length; i++, j += 3)
        {
            dst[i] = (byte)(((19595 * src[j]) + (38470 * src[j + 1]) + (7471 * src[j + 2]) + 32768) >> 16);
        }

        return dst;
    }
}
