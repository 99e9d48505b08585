namespace DataGate.Core.Metrics.Eda;

/// <summary>
/// What <c>cv2.imread</c> does with an EXIF orientation tag before returning the pixels (OpenCV's
/// <c>ApplyExifOrientation</c>): 2 flip left–right, 3 rotate 180°, 4 flip top–bottom, 5 transpose, 6 transpose then
/// flip left–right (90° clockwise), 7 transpose then rotate 180°, 8 transpose then flip top–bottom (90° counter-clockwise).
/// Only the <c>eda_*</c> columns use it: every other metric follows Pillow, which ignores the tag.
/// </summary>
internal static class ExifOrientation
{
    /// <summary>True when the tag changes the pixels (2–8).</summary>
    public static bool Changes(int orientation) => orientation is >= 2 and <= 8;

    /// <summary>Applies the orientation to interleaved 3-channel bytes.</summary>
    /// <param name="src">Source pixels, <c>width·height·3</c> bytes.</param>
    /// <param name="width">Source width.</param>
    /// <param name="height">Source height.</param>
    /// <param name="orientation">EXIF orientation 1–8 (anything else leaves the pixels as they are).</param>
    /// <returns>The oriented pixels and their size (a new array; the source is not written).</returns>
    public static (byte[] Pixels, int Width, int Height) Apply(ReadOnlySpan<byte> src, int width, int height, int orientation)
    {
        bool transpose = orientation is >= 5 and <= 8;
        bool flipX = orientation is 2 or 3 or 6 or 7;
        bool flipY = orientation is 3 or 4 or 7 or 8;
        int w = transpose ? height : width, h = transpose ? width : height;
        var dst = new byte[w * h * 3];
        for (int y = 0; y < h; y++)
        {
            int ty = flipY ? h - 1 - y : y;
            for (int x = 0; x < w; x++)
            {
                int tx = flipX ? w - 1 - x : x;

                // (tx, ty) in the transposed (or not) image; transposed (tx, ty) is source (ty, tx).
                int sx = transpose ? ty : tx, sy = transpose ? tx : ty;
                int s = ((sy * width) + sx) * 3, d = ((y * w) + x) * 3;
                dst[d] = src[s];
                dst[d + 1] = src[s + 1];
                dst[d + 2] = src[s + 2];
            }
        }

        return (dst, w, h);
    }
}
