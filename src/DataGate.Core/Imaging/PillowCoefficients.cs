namespace DataGate.Core.Imaging;

/// <summary>
/// Pillow's <c>precompute_coeffs</c> for its separable resampling: for each output pixel, the first source pixel,
/// the count of source pixels, and the filter weights (support widened by the downscale factor, normalised to sum 1,
/// quantised to <see cref="PrecisionBits"/> fractional bits with round-half-away-from-zero). Shared by the LANCZOS
/// resize of the perceptual hashes and the BICUBIC thumbnail of cleanvision's blur score.
/// </summary>
internal static class PillowCoefficients
{
    /// <summary>Pillow's fixed-point precision for 8-bit images: 32 − 8 − 2 = 22 fractional bits.</summary>
    public const int PrecisionBits = 32 - 8 - 2;

    /// <summary>Computes the coefficients of one axis.</summary>
    /// <param name="inSize">Source length, ≥ 1.</param>
    /// <param name="outSize">Destination length, ≥ 1.</param>
    /// <param name="support">The filter's support at scale 1 (3 for LANCZOS, 2 for BICUBIC).</param>
    /// <param name="filter">The filter function.</param>
    /// <returns>Bounds (first, count) per output pixel, the quantised kernel (<c>KSize</c> entries per output), and KSize.</returns>
    public static (int[] Bounds, int[] Kernel, int KSize) Compute(int inSize, int outSize, double support, Func<double, double> filter)
    {
        double scale = (double)inSize / outSize;
        double filterScale = Math.Max(scale, 1.0);
        double scaledSupport = support * filterScale;
        int ksize = ((int)Math.Ceiling(scaledSupport) * 2) + 1;
        var bounds = new int[outSize * 2];
        var kernel = new int[outSize * ksize];
        var weights = new double[ksize];
        double ss = 1.0 / filterScale;
        for (int xx = 0; xx < outSize; xx++)
        {
            double center = (xx + 0.5) * scale;
            int xmin = Math.Max((int)(center - scaledSupport + 0.5), 0);
            int xmax = Math.Min((int)(center + scaledSupport + 0.5), inSize) - xmin;
            double ww = 0.0;
            for (int x = 0; x < xmax; x++)
            {
                double w = filter((x + xmin - center + 0.5) * ss);
                weights[x] = w;
                ww += w;
            }

            for (int x = 0; x < xmax; x++)
            {
                double w = ww != 0.0 ? weights[x] / ww : weights[x];
                kernel[(xx * ksize) + x] = w < 0
                    ? (int)(-0.5 + (w * (1 << PrecisionBits)))
                    : (int)(0.5 + (w * (1 << PrecisionBits)));
            }

            bounds[xx * 2] = xmin;
            bounds[(xx * 2) + 1] = xmax;
        }

        return (bounds, kernel, ksize);
    }
}
