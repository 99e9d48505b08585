using DataGate.Core.Imaging;
using DataGate.Core.Statistics;

namespace DataGate.Core.Metrics.Eda;

/// <summary>
/// The UTKFace EDA notebook's own per-image metrics (the <c>eda_*</c> columns), reproduced with its quirks: every
/// value on <c>cv2.resize(cv2.imread(path), (100, 100), interpolation=INTER_AREA)</c> (EXIF orientation applied,
/// alpha dropped, gray expanded), variance as the mean of per-channel variances, entropy over all channel values,
/// Laplacian and FFT blur on a gray made with the red and blue weights swapped (<c>cvtColor(RGB2GRAY)</c> applied to
/// BGR data), FFT blur as the mean magnitude after zeroing a 60×60 low-frequency square (no log), BRISQUE by the PyPI
/// <c>brisque</c> package's model. Definitions: golden README, section <c>seed_profile.csv</c>.
/// </summary>
internal static class EdaMetrics
{
    /// <summary>Side of the notebook's square downscale.</summary>
    public const int Side = 100;

    /// <summary>Half side of the zeroed low-frequency square.</summary>
    private const int FftHalfBox = 30;

    /// <summary>The default luminance bin width: ⌊lum / 51⌋ gives 0–5.</summary>
    public const double LuminanceBinWidth = 51;

    /// <summary>Computes the metrics of a decoded image.</summary>
    /// <param name="image">Pixels as decoded (RGB, orientation not applied).</param>
    /// <param name="exifOrientation">The file's EXIF orientation tag (0 when none); cv2.imread applies it.</param>
    /// <param name="model">The package BRISQUE model.</param>
    public static EdaValues Compute(RgbImage image, int exifOrientation, PackageBrisqueModel model)
    {
        ReadOnlySpan<byte> src = image.Pixels;
        int w = image.Width, h = image.Height;
        if (ExifOrientation.Changes(exifOrientation))
        {
            (var oriented, w, h) = ExifOrientation.Apply(src, w, h, exifOrientation);
            src = oriented;
        }

        var small = new byte[Side * Side * 3];
        OpenCvAreaResize.Resize(src, w, h, small, Side, Side);
        return FromSmall(small, model);
    }

    /// <summary>The metrics of the 100×100 RGB image.</summary>
    internal static EdaValues FromSmall(byte[] rgb, PackageBrisqueModel model)
    {
        const int n = Side * Side;
        Span<long> sum = stackalloc long[3];
        Span<long> sum2 = stackalloc long[3];
        Span<int> histogram = stackalloc int[256];
        var colors = new HashSet<int>();
        var gray = new byte[n];
        var swapped = new byte[n];
        long graySum = 0;
        for (int i = 0, j = 0; i < n; i++, j += 3)
        {
            int r = rgb[j], g = rgb[j + 1], b = rgb[j + 2];
            sum[0] += r;
            sum[1] += g;
            sum[2] += b;
            sum2[0] += r * r;
            sum2[1] += g * g;
            sum2[2] += b * b;
            histogram[r]++;
            histogram[g]++;
            histogram[b]++;
            colors.Add((r << 16) | (g << 8) | b);

            // OpenCV's fixed-point gray (cvtColor 8U): BGR2GRAY on BGR data is the true gray; RGB2GRAY on BGR data,
            // the notebook's quirk, puts the red weight on blue and the blue weight on red.
            int y = OpenCvGray.Level(r, g, b);
            gray[i] = (byte)y;
            graySum += y;
            swapped[i] = (byte)OpenCvGray.Level(b, g, r);
        }

        // Per-channel population variance, exact in integers then one division; numpy's order B, G, R.
        double variance = 0;
        for (int c = 2; c >= 0; c--)
        {
            variance += (((double)n * sum2[c]) - ((double)sum[c] * sum[c])) / ((double)n * n);
        }

        variance /= 3;
        double luminance = graySum / (double)n;
        return new EdaValues(
            variance,
            colors.Count,
            Entropy(histogram, 3 * n),
            PackageBrisque.Score(rgb, Side, Side, model),
            Laplacian.Variance(swapped, Side, Side),
            FftBlur(swapped),
            luminance,
            Math.Floor(luminance / LuminanceBinWidth));
    }

    // skimage shannon_entropy → scipy.stats.entropy(counts, base=2): Σ −p ln p over the sorted distinct values, / ln 2.
    private static double Entropy(ReadOnlySpan<int> histogram, int total)
    {
        Span<double> terms = stackalloc double[256];
        int k = 0;
        for (int v = 0; v < 256; v++)
        {
            if (histogram[v] > 0)
            {
                double p = histogram[v] / (double)total;
                terms[k++] = -p * Math.Log(p);
            }
        }

        return PairwiseSum.Sum(terms[..k]) / Math.Log(2);
    }

    /// <summary>
    /// numpy: <c>F = fftshift(fft2(gray))</c>, <c>F[cy−30:cy+30, cx−30:cx+30] = 0</c>, mean <c>|ifft2(ifftshift(F))|</c>.
    /// On 100×100 the zeroed square is the frequencies −30..29 on both axes.
    /// </summary>
    internal static double FftBlur(byte[] gray)
    {
        const int n = Side;
        int stride = FftPlan.PadStride(n);
        var plan = FftPlan.For(n);
        var re = new double[n * stride];
        var im = new double[n * stride];
        var sr = new double[plan.ScratchSize(stride)];
        var si = new double[plan.ScratchSize(stride)];
        for (int y = 0; y < n; y++)
        {
            for (int x = 0; x < n; x++)
            {
                re[(y * stride) + x] = gray[(y * n) + x];
            }
        }

        plan.Forward(re, im, stride, sr, si);
        Transpose(re, n, stride);
        Transpose(im, n, stride);
        plan.Forward(re, im, stride, sr, si);
        for (int a = 0; a < n; a++)
        {
            if (!IsLow(a))
            {
                continue;
            }

            for (int b = 0; b < n; b++)
            {
                if (IsLow(b))
                {
                    re[(a * stride) + b] = 0;
                    im[(a * stride) + b] = 0;
                }
            }
        }

        // Inverse = forward with the planes swapped (unnormalised); the magnitude does not care about the swap.
        plan.Forward(im, re, stride, si, sr);
        Transpose(re, n, stride);
        Transpose(im, n, stride);
        plan.Forward(im, re, stride, si, sr);
        var magnitudes = new double[n * n];
        const double norm = 1.0 / (n * n);
        for (int y = 0; y < n; y++)
        {
            for (int x = 0; x < n; x++)
            {
                double vr = re[(y * stride) + x] * norm, vi = im[(y * stride) + x] * norm;
                magnitudes[(y * n) + x] = Math.Sqrt((vr * vr) + (vi * vi));
            }
        }

        return PairwiseSum.Sum(magnitudes) / (n * n);
    }

    private static bool IsLow(int k) => k < FftHalfBox || k >= Side - FftHalfBox;

    private static void Transpose(double[] a, int n, int stride)
    {
        for (int y = 0; y < n; y++)
        {
            for (int x = y + 1; x < n; x++)
            {
                (a[(y * stride) + x], a[(x * stride) + y]) = (a[(x * stride) + y], a[(y * stride) + x]);
            }
        }
    }
}
