using DataGate.Core.Metrics;

namespace DataGate.Core.Tests.Metrics;

public class PillowBicubicTests
{
    private static byte[] Noise(int width, int height, int seed)
    {
        var rng = new Random(seed);
        var px = new byte[width * height * 3];
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                // Smooth ramps plus noise and a few hard edges, so both clipping directions occur.
                int o = ((y * width) + x) * 3;
                int edge = ((x / 7) + (y / 5)) % 2 == 0 ? 0 : 200;
                px[o] = (byte)Math.Clamp(edge + rng.Next(-40, 56), 0, 255);
                px[o + 1] = (byte)((x * 255 / Math.Max(1, width - 1)) ^ rng.Next(0, 8));
                px[o + 2] = (byte)rng.Next(256);
            }
        }

        return px;
    }

    // The two-pass resize (vectorised blocked path when both axes change) must equal the horizontal-only
    // resize followed by the vertical-only resize (the plain scalar paths), byte for byte.
    [Theory]
    [InlineData(200, 200, 64, 64)]
    [InlineData(203, 77, 64, 24)]
    [InlineData(37, 91, 12, 29)]
    [InlineData(640, 480, 64, 48)]
    [InlineData(9, 300, 3, 64)]
    [InlineData(130, 17, 64, 9)]
    public void Should_MatchSeparateScalarPasses_When_BothAxesShrink(int w, int h, int outW, int outH)
    {
        var ws = new MetricsWorkspace();
        var src = Noise(w, h, (w * 1000) + h);
        var both = new byte[outW * outH * 3];
        PillowBicubic.ResizeRgb(src, w, h, both, outW, outH, new byte[outW * h * 3], ws);

        var horizontal = new byte[outW * h * 3];
        PillowBicubic.ResizeRgb(src, w, h, horizontal, outW, h, new byte[outW * h * 3], ws);
        var expected = new byte[outW * outH * 3];
        PillowBicubic.ResizeRgb(horizontal, outW, h, expected, outW, outH, new byte[outW * h * 3], ws);

        Assert.Equal(expected, both);
    }
}
