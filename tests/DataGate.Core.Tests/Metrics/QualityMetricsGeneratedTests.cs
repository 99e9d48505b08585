using DataGate.Core.Imaging;
using DataGate.Core.Metrics;

namespace DataGate.Core.Tests.Metrics;

public class QualityMetricsGeneratedTests
{
    private static RgbImage Generate(int width, int height, Func<int, int, (byte R, byte G, byte B)> pixel)
    {
        var px = new byte[width * height * 3];
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                var (r, g, b) = pixel(x, y);
                int o = ((y * width) + x) * 3;
                px[o] = r;
                px[o + 1] = g;
                px[o + 2] = b;
            }
        }

        return new RgbImage(width, height, px);
    }

    [Theory]
    [InlineData(30, 200, 90)]
    [InlineData(128, 128, 128)]
    [InlineData(0, 0, 0)]
    public void Should_GiveClosedFormValues_When_ImageIsOneSolidColour(byte r, byte g, byte b)
    {
        var m = QualityMetricsCalculator.Compute(Generate(50, 40, (_, _) => (r, g, b)));

        double mean = (r + g + b) / 3.0;
        Assert.Equal(((r * r) + (g * g) + (b * b)) / 3.0 - (mean * mean), m.ColorVariance, 9);
        Assert.Equal(1, m.UniqueColors);
        Assert.Equal(0.0, m.Entropy);
        Assert.Equal(0.0, m.LaplacianVariance);
        Assert.Equal((0.299 * r) + (0.587 * g) + (0.114 * b), m.LuminanceMean, 12);
        Assert.Equal(r == g && g == b, m.IsGrayscale);
        double brightness = Math.Sqrt((0.241 * r * r) + (0.691 * g * g) + (0.068 * b * b)) / 255;
        Assert.Equal(brightness, m.BrightnessP01, 12);
        Assert.Equal(brightness, m.BrightnessP05, 12);
        Assert.Equal(brightness, m.BrightnessP95, 12);
        Assert.Equal(brightness, m.BrightnessP99, 12);
        Assert.Equal(brightness, m.BrightnessMean, 12);
        Assert.Equal(brightness, m.DarkScore, 12);
        Assert.Equal(1 - brightness, m.LightScore, 12);
        Assert.Equal(0.8, m.OddAspectRatioScore, 15);
        // Pillow's 768-bin histogram: one full bin per band → log2(3) bits.
        Assert.Equal(0.1 * Math.Log2(3), m.LowInformationScore, 12);
        Assert.Equal(double.NegativeInfinity, m.FftBlur);
    }

    [Fact]
    public void Should_ScoreBordersOnly_When_SolidImageIsFilteredForBlur()
    {
        // FIND_EDGES leaves the 1-px border unfiltered (value v) and gives 0 inside; the thumbnail is the image
        // itself (longest side 50 ≤ 64). σ_edges = v·√(p(1−p)) with p the border share; the gray histogram has one bin.
        const byte v = 200;
        var m = QualityMetricsCalculator.Compute(Generate(50, 40, (_, _) => (v, v, v)));
        double n = 50 * 40, p = (n - (48 * 38)) / n;
        double edgeStd = v * Math.Sqrt(p * (1 - p));
        double histMean = n / 256;
        double histStd = Math.Sqrt((((n - histMean) * (n - histMean)) + (255 * histMean * histMean)) / 256);
        double stdScore = 1 - Math.Exp(-0.01 * histStd);
        double expected = Math.Min(1 - Math.Exp(-0.01 * edgeStd) + (stdScore > 0.18 ? stdScore : 0), 1);
        Assert.Equal(expected, m.BlurryScore, 12);
    }

    [Fact]
    public void Should_GiveClosedFormValues_When_ImageIsOnePixelCheckerboard()
    {
        var m = QualityMetricsCalculator.Compute(Generate(200, 200, (x, y) => ((x + y) % 2 == 0 ? (byte)255 : (byte)0, (x + y) % 2 == 0 ? (byte)255 : (byte)0, (x + y) % 2 == 0 ? (byte)255 : (byte)0)));

        Assert.Equal(127.5 * 127.5, m.ColorVariance, 9);
        Assert.Equal(2, m.UniqueColors);
        Assert.Equal(1.0, m.Entropy, 12);

        // Every neighbour (also across REFLECT_101 borders) has the opposite colour: |L| = 4·255 everywhere.
        Assert.Equal(1020.0 * 1020.0, m.LaplacianVariance, 6);
        Assert.Equal(127.5, m.LuminanceMean, 9);
        Assert.True(m.IsGrayscale);
        Assert.Equal(0.0, m.BrightnessP01);
        Assert.Equal(0.0, m.BrightnessP05);
        Assert.Equal(1.0, m.BrightnessP95, 12);
        Assert.Equal(1.0, m.BrightnessP99, 12);
        Assert.True(double.IsFinite(m.FftBlur) && m.FftBlur > 30, $"checkerboard is all high frequency, got {m.FftBlur}");
    }

    [Fact]
    public void Should_GiveClosedFormValues_When_ImageIsHorizontalGrayRamp()
    {
        var m = QualityMetricsCalculator.Compute(Generate(256, 10, (x, _) => ((byte)x, (byte)x, (byte)x)));

        Assert.Equal(((256.0 * 256.0) - 1) / 12, m.ColorVariance, 9);
        Assert.Equal(256, m.UniqueColors);
        Assert.Equal(8.0, m.Entropy, 12);

        // Inside a row the second difference is 0; REFLECT_101 gives +2 at x = 0 and −2 at x = 255.
        Assert.Equal(8.0 / 256, m.LaplacianVariance, 12);

        // 2560 values, each level 10 times: NumPy linear indices 25.59, 127.95, 2431.05, 2533.41.
        Assert.Equal(2 / 255.0, m.BrightnessP01, 12);
        Assert.Equal(12 / 255.0, m.BrightnessP05, 12);
        Assert.Equal(243 / 255.0, m.BrightnessP95, 12);
        Assert.Equal(253 / 255.0, m.BrightnessP99, 12);
        Assert.Equal(127.5 / 255.0, m.BrightnessMean, 12);
    }

    [Fact]
    public void Should_InterpolateBetweenLevels_When_PercentileFallsBetweenTwoValues()
    {
        // 10×10: 99 pixels of 0 and one of 255. p99 index = 99·0.99 = 98.01 → lerp(0, 1, 0.01).
        var m = QualityMetricsCalculator.Compute(Generate(10, 10, (x, y) => x == 9 && y == 9 ? ((byte)255, (byte)255, (byte)255) : ((byte)0, (byte)0, (byte)0)));
        Assert.Equal(0.01, m.BrightnessP99, 12);
        Assert.Equal(0.0, m.BrightnessP95);
    }

    [Fact]
    public void Should_CountEveryColour_When_AllColoursDiffer()
    {
        var m = QualityMetricsCalculator.Compute(Generate(256, 256, (x, y) => ((byte)x, (byte)y, (byte)(x ^ y))));
        Assert.Equal(65536, m.UniqueColors);
        Assert.False(m.IsGrayscale);

        // The reused colour bitset must be clean for the next image.
        var again = QualityMetricsCalculator.Compute(Generate(4, 4, (x, _) => ((byte)x, 0, 0)));
        Assert.Equal(4, again.UniqueColors);
    }

    [Fact]
    public void Should_UseGrayHistogramEntropy_When_FileWasStoredAsModeL()
    {
        var image = Generate(256, 4, (x, _) => ((byte)x, (byte)x, (byte)x));
        var asRgb = QualityMetricsCalculator.Compute(image, "RGB");
        var asL = QualityMetricsCalculator.Compute(image, "L");

        // 256 equally likely levels: 8 bits for the gray band; the RGB histogram repeats it 3× (log2(768) bits).
        Assert.Equal(0.8, asL.LowInformationScore, 12);
        Assert.Equal(Math.Min(0.1 * Math.Log2(768), 1), asRgb.LowInformationScore, 12);
    }

    [Theory]
    [InlineData(100, 100, 64, 64)]
    [InlineData(317, 211, 64, 42)]
    [InlineData(1000, 40, 64, 2)]
    [InlineData(512, 512, 64, 64)]
    [InlineData(200, 200, 64, 64)]
    [InlineData(64, 10, 64, 10)]
    public void Should_PickCleanVisionThumbnailSize_When_ImageIsLargerThan64(int w, int h, int ew, int eh)
    {
        // cleanvision: ratio = max(w, h) / 64; size = max(int(side // ratio), 1) with Python's float floor division.
        Assert.Equal((ew, eh), CleanVisionBlur.ThumbnailSize(w, h));
    }

    [Fact]
    public void Should_GiveDefinedValues_When_ImageIsOnePixel()
    {
        var m = QualityMetricsCalculator.Compute(Generate(1, 1, (_, _) => (10, 20, 30)));
        Assert.Equal(1, m.UniqueColors);
        Assert.Equal(0.0, m.Entropy);
        Assert.Equal(0.0, m.LaplacianVariance);
        Assert.Equal(double.NegativeInfinity, m.FftBlur);
        Assert.Equal(1.0, m.OddAspectRatioScore);
        Assert.Equal(Math.Sqrt((0.241 * 100) + (0.691 * 400) + (0.068 * 900)) / 255, m.BrightnessP99, 12);
    }

    [Fact]
    public void Should_ResizeOnlyHorizontally_When_ImageIsOneRowHigh()
    {
        // 300×1: cleanvision asks Pillow for 64×1 (height clamps to 1), so only the horizontal pass runs.
        var m = QualityMetricsCalculator.Compute(Generate(300, 1, (x, _) => ((byte)(x % 256), 0, 0)));
        Assert.Equal(1.0 / 300, m.OddAspectRatioScore, 15);
        Assert.Equal(256, m.UniqueColors);

        // 300×2 with two equal rows also becomes 64×1, but through the two-pass (horizontal then vertical) path; a
        // vertical pass over equal rows is exact in Pillow's fixed point, so both paths must give the same score.
        var twoRows = QualityMetricsCalculator.Compute(Generate(300, 2, (x, _) => ((byte)(x % 256), 0, 0)));
        Assert.Equal(twoRows.BlurryScore, m.BlurryScore);
        Assert.Equal(twoRows.LowInformationScore, m.LowInformationScore);
        Assert.InRange(m.BlurryScore, 1e-6, 1 - 1e-6); // not a clamped end: the comparison above compares real values
    }
}
