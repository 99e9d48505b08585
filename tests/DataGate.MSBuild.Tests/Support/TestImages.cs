using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace DataGate.MSBuild.Tests.Support;

/// <summary>Generated test images.</summary>
internal static class TestImages
{
    /// <summary>Writes a 16×16 noise PNG whose pixels depend on <paramref name="seed"/>; gray means R = G = B everywhere.</summary>
    public static void Noise(string path, int seed, bool gray = false)
    {
        var rng = new Random(seed);
        using var image = new Image<Rgb24>(16, 16);
        for (int y = 0; y < 16; y++)
        {
            for (int x = 0; x < 16; x++)
            {
                byte r = (byte)rng.Next(256);
                image[x, y] = gray ? new Rgb24(r, r, r) : new Rgb24(r, (byte)rng.Next(256), (byte)rng.Next(256));
            }
        }

        image.SaveAsPng(path);
    }
}
