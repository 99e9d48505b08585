using DataGate.Core.Quality.Brisque;

namespace DataGate.Core.Metrics.Eda;

/// <summary>
/// OpenCV <c>cv2.resize(img, (dw, dh), interpolation=INTER_CUBIC)</c> of a float64 single-channel image, as the PyPI
/// brisque package halves its gray image. OpenCV's CV_64F cubic path has no SIMD: float32 weights (the same
/// coefficients as <see cref="OpenCvCubicResize"/>), double sums left to right, taps clamped to the image, horizontal
/// pass then vertical. Hand-written for bit-exactness with the package's score.
/// </summary>
internal static class OpenCvCubicResize64
{
    /// <summary>Resizes <paramref name="src"/> (sw × sh) into <paramref name="dst"/> (dw × dh).</summary>
    public static void Resize(ReadOnlySpan<double> src, int sw, int sh, Span<double> dst, int dw, int dh)
    {
        var xofs = new int[dw];
        var alpha = new float[dw * 4];
        OpenCvCubicResize.Coefficients(sw, dw, xofs, alpha);
        var yofs = new int[dh];
        var beta = new float[dh * 4];
        OpenCvCubicResize.Coefficients(sh, dh, yofs, beta);
        var rows = new double[sh * dw];
        for (int y = 0; y < sh; y++)
        {
            var s = src.Slice(y * sw, sw);
            for (int dx = 0; dx < dw; dx++)
            {
                int sx = xofs[dx];
                double v = s[Math.Clamp(sx - 1, 0, sw - 1)] * (double)alpha[dx * 4];
                v += s[Math.Clamp(sx, 0, sw - 1)] * (double)alpha[(dx * 4) + 1];
                v += s[Math.Clamp(sx + 1, 0, sw - 1)] * (double)alpha[(dx * 4) + 2];
                v += s[Math.Clamp(sx + 2, 0, sw - 1)] * (double)alpha[(dx * 4) + 3];
                rows[(y * dw) + dx] = v;
            }
        }

        for (int dy = 0; dy < dh; dy++)
        {
            int sy = yofs[dy];
            int r0 = Math.Clamp(sy - 1, 0, sh - 1) * dw, r1 = Math.Clamp(sy, 0, sh - 1) * dw;
            int r2 = Math.Clamp(sy + 1, 0, sh - 1) * dw, r3 = Math.Clamp(sy + 2, 0, sh - 1) * dw;
            double b0 = beta[dy * 4], b1 = beta[(dy * 4) + 1], b2 = beta[(dy * 4) + 2], b3 = beta[(dy * 4) + 3];
            for (int x = 0; x < dw; x++)
            {
                dst[(dy * dw) + x] = (rows[r0 + x] * b0) + (rows[r1 + x] * b1) + (rows[r2 + x] * b2) + (rows[r3 + x] * b3);
            }
        }
    }
}
