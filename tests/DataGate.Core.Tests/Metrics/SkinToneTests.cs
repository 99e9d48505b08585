using DataGate.Core.Imaging;
using DataGate.Core.Metrics;
using DataGate.Core.Tests.Support;

namespace DataGate.Core.Tests.Metrics;

public class SkinToneTests
{
    private static RgbImage Solid(int width, int height, byte r, byte g, byte b) => GeneratedImages.Solid(width, height, r, g, b);

    // Hand computation: sRGB → linear → XYZ (D65) → L*, b* → ITA, written out independently of the product code.
    private static double HandIta(byte r8, byte g8, byte b8)
    {
        static double Lin(byte v)
        {
            double c = v / 255.0;
            return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        static double F(double t) => t > 216.0 / 24389.0 ? Math.Pow(t, 1.0 / 3.0) : ((24389.0 / 27.0 * t) + 16) / 116;

        double r = Lin(r8), g = Lin(g8), b = Lin(b8);
        double y = (0.2126729 * r) + (0.7151522 * g) + (0.0721750 * b);
        double z = ((0.0193339 * r) + (0.1191920 * g) + (0.9503041 * b)) / 1.08883;
        double l = (116 * F(y)) - 16;
        double bStar = 200 * (F(y) - F(z));
        return Math.Atan(((l - 50) / bStar)) * 180 / Math.PI;
    }

    [Theory]
    [InlineData(255, 224, 196, "very_light")]
    [InlineData(224, 172, 138, "light")]
    [InlineData(215, 160, 120, "intermediate")]
    [InlineData(198, 134, 66, "tan")]
    [InlineData(141, 85, 36, "brown")]
    [InlineData(80, 45, 25, "dark")]
    public void Should_ReportHandComputedIta_When_ImageIsSolidSkinColour(byte r, byte g, byte b, string category)
    {
        var m = QualityMetricsCalculator.Compute(Solid(64, 48, r, g, b));
        double expected = HandIta(r, g, b);

        Assert.Equal(1.0, m.SkinFraction);
        Assert.Equal(expected, m.SkinToneIta, 9);
        Assert.Equal(category, m.SkinTone);
    }

    [Fact]
    public void Should_ReportNaN_When_CentralRegionHasTooLittleSkin()
    {
        var m = QualityMetricsCalculator.Compute(Solid(64, 48, 40, 80, 200));
        Assert.Equal(0.0, m.SkinFraction);
        Assert.True(double.IsNaN(m.SkinToneIta));
        Assert.Null(m.SkinTone);
    }

    [Fact]
    public void Should_IgnoreBorderSkin_When_OnlyOutsideTheCentralBoxIsSkin()
    {
        // 100×100: skin everywhere except the central box 25..74 → fraction 0 inside the box.
        var px = new byte[100 * 100 * 3];
        for (int y = 0; y < 100; y++)
        {
            for (int x = 0; x < 100; x++)
            {
                bool centre = x is >= 25 and < 75 && y is >= 25 and < 75;
                int o = ((y * 100) + x) * 3;
                (px[o], px[o + 1], px[o + 2]) = centre ? ((byte)40, (byte)80, (byte)200) : ((byte)232, (byte)190, (byte)160);
            }
        }

        var m = QualityMetricsCalculator.Compute(new RgbImage(100, 100, px));
        Assert.Equal(0.0, m.SkinFraction);
        Assert.True(double.IsNaN(m.SkinToneIta));
    }

    [Theory]
    [InlineData(55.01, "very_light")]
    [InlineData(55.0, "light")]
    [InlineData(41.0, "intermediate")]
    [InlineData(28.0, "tan")]
    [InlineData(10.0, "brown")]
    [InlineData(-30.0, "dark")]
    [InlineData(-29.99, "brown")]
    public void Should_UseDelBinoBoundaries_When_CategorisingAngles(double ita, string category) =>
        Assert.Equal(category, SkinToneEstimator.Category(ita));
}
