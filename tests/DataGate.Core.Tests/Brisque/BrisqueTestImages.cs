using DataGate.Core.Imaging;

namespace DataGate.Core.Tests.Brisque;

/// <summary>Generated images for BRISQUE tests.</summary>
internal static class BrisqueTestImages
{
    public static RgbImage Solid(int width, int height, byte r, byte g, byte b)
    {
        var px = new byte[width * height * 3];
        for (int i = 0; i < px.Length; i += 3)
        {
            px[i] = r;
            px[i + 1] = g;
            px[i + 2] = b;
        }

        return new RgbImage(width, height, px);
    }

    /// <summary>Smooth gradients plus uniform noise, deterministic for a seed.</summary>
    public static RgbImage Noise(int width, int height, int seed)
    {
        var rng = new Random(seed);
        var px = new byte[width * height * 3];
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                int o = ((y * width) + x) * 3;
                for (int c = 0; c < 3; c++)
                {
                    double v = (100 * Math.Sin((x + (c * 7)) / 9.0) * Math.Cos(y / 13.0)) + 128 + rng.Next(-25, 26);
                    px[o + c] = (byte)Math.Clamp((int)v, 0, 255);
                }
            }
        }

        return new RgbImage(width, height, px);
    }
}
