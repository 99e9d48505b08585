using DataGate.Core.Imaging;

namespace DataGate.Core.Metrics;

/// <summary>
/// Computes <see cref="QualityMetrics"/> from one decoded image. Thread-safe; each thread reuses its own buffers,
/// so a stream of same-sized images allocates only the result objects.
/// </summary>
internal static class QualityMetricsCalculator
{
    internal const int BucketShift = 14;
    internal const int BucketCount = ((1000 * 255 * 255) >> BucketShift) + 1;

    /// <summary>Computes every metric of an image decoded to 8-bit RGB.</summary>
    /// <param name="image">The decoded image.</param>
    public static QualityMetrics Compute(RgbImage image) => Compute(image, storedMode: null);

    /// <summary>Computes every metric of an image decoded to 8-bit RGB.</summary>
    /// <param name="image">The decoded image.</param>
    /// <param name="storedMode">
    /// Pillow mode of the file as stored (see <see cref="ImageFacts.Mode"/>) or null. Only <c>L</c> changes a value:
    /// cleanvision then takes Pillow's entropy of the single gray band (256 bins) for the low-information score.
    /// </param>
    public static QualityMetrics Compute(RgbImage image, string? storedMode)
    {
        ArgumentNullException.ThrowIfNull(image);
        var ws = MetricsWorkspace.Current;
        int width = image.Width, height = image.Height, n = image.PixelCount;
        var px = image.Pixels;
        var gray = ws.Gray(n);
        var keys = ws.Ints(n);
        Span<int> hr = stackalloc int[256];
        Span<int> hg = stackalloc int[256];
        Span<int> hb = stackalloc int[256];
        Span<int> hgray = stackalloc int[256];
        Span<int> buckets = stackalloc int[BucketCount];
        int diff = Scan(px, n, gray, keys, hr, hg, hb, hgray, buckets);
        bool isGray = diff == 0;
        int unique = UniqueColors.Count(px, n, hr, ws);
        var (colorVariance, meanR, meanG, meanB) = ChannelStats(hr, hg, hb, n);
        var (p01, p05, p95, p99) = BrightnessPercentiles.Compute(keys.AsSpan(0, n), buckets, BucketShift, ws);
        double brightnessMean = Math.Sqrt((0.241 * (meanR * meanR)) + (0.691 * (meanG * meanG)) + (0.068 * (meanB * meanB))) / 255;
        double pillowEntropy = storedMode == "L" ? PillowEntropy(hr, n) : PillowEntropy(hr, hg, hb, n);
        var grayspan = gray.AsSpan(0, n);
        var (ita, fraction, category) = SkinToneEstimator.Compute(px, width, height);
        var blur = CleanVisionBlur.Compute(px, width, height, ws);
        var lap = Laplacian.Variance(grayspan, width, height);
        var fftb = FftBlur.Compute(grayspan, width, height, ws);
        ws.ReleaseLarge();
        return new QualityMetrics
        {
            ColorVariance = colorVariance,
            UniqueColors = unique,
            Entropy = ShannonEntropy(hgray, n),
            LaplacianVariance = lap,
            LuminanceMean = ((0.299 * meanR) + (0.587 * meanG) + (0.114 * meanB)),
            IsGrayscale = isGray,
            BrightnessP01 = p01,
            BrightnessP05 = p05,
            BrightnessP95 = p95,
            BrightnessP99 = p99,
            BrightnessMean = brightnessMean,
            FftBlur = fftb,
            SkinToneIta = ita,
            SkinFraction = fraction,
            SkinTone = category,
            DarkScore = p99,
            LightScore = 1 - p05,
            BlurryScore = blur.Score,
            LowInformationScore = Math.Min(0.1 * pillowEntropy, 1.0),
            OddAspectRatioScore = Math.Min((double)width / height, (double)height / width),
        };
    }

    /// <summary>
    /// One pass over the pixels: channel and OpenCV-gray histograms, the gray image, the brightness keys and their
    /// coarse histogram. Returns the OR of all <c>(R^G)|(G^B)</c> (0 iff the image is gray).
    /// </summary>
    internal static int Scan(ReadOnlySpan<byte> px, int n, Span<byte> gray, Span<int> keys, Span<int> hr, Span<int> hg, Span<int> hb, Span<int> hgray, Span<int> buckets) =>
        PixelScan.Run(px, n, gray, keys, hr, hg, hb, hgray, buckets, BucketShift);

    private static (double Variance, double MeanR, double MeanG, double MeanB) ChannelStats(ReadOnlySpan<int> hr, ReadOnlySpan<int> hg, ReadOnlySpan<int> hb, int n)
    {
        long sr = 0, sg = 0, sb = 0, s2 = 0;
        for (int v = 0; v < 256; v++)
        {
            sr += (long)v * hr[v];
            sg += (long)v * hg[v];
            sb += (long)v * hb[v];
            s2 += (long)v * v * (hr[v] + hg[v] + hb[v]);
        }

        long count = 3L * n;
        long sum = sr + sg + sb;
        Int128 numerator = ((Int128)count * s2) - ((Int128)sum * sum);
        double variance = (double)numerator / ((double)count * count);
        return (variance, (double)sr / n, (double)sg / n, (double)sb / n);
    }

    private static double ShannonEntropy(ReadOnlySpan<int> hist, int n)
    {
        // scipy.stats.entropy(counts, base=2): −Σ p ln p / ln 2 over the non-empty bins.
        double s = 0;
        for (int v = 0; v < 256; v++)
        {
            if (hist[v] != 0)
            {
                double p = (double)hist[v] / n;
                s += -p * Math.Log(p);
            }
        }

        return s / Math.Log(2.0);
    }

    private static double PillowEntropy(ReadOnlySpan<int> hr, ReadOnlySpan<int> hg, ReadOnlySpan<int> hb, int n)
    {
        double fsum = 3.0 * n;
        double e = 0;
        EntropyTerms(hr, fsum, ref e);
        EntropyTerms(hg, fsum, ref e);
        EntropyTerms(hb, fsum, ref e);
        return -e;
    }

    private static double PillowEntropy(ReadOnlySpan<int> h, int n)
    {
        double e = 0;
        EntropyTerms(h, n, ref e);
        return -e;
    }

    private static void EntropyTerms(ReadOnlySpan<int> h, double fsum, ref double e)
    {
        // Pillow _entropy: Σ p·log(p)·log2(e) over non-zero bins, in bin order.
        const double log2E = 1.4426950408889634;
        for (int v = 0; v < 256; v++)
        {
            double p = h[v] / fsum;
            if (p != 0.0)
            {
                e += p * Math.Log(p) * log2E;
            }
        }
    }
}
