using DataGate.Core.Hashing;
using DataGate.Core.Imaging;

namespace DataGate.Core.Tests.Hashing;

public class GrayPlaneTests
{
    // Column-major levels (vectorised 8×8 tiles plus scalar edge strips) must equal Pillow's formula
    // written out per pixel, for sizes with and without whole tiles.
    [Theory]
    [InlineData(200, 200)]
    [InlineData(13, 21)]
    [InlineData(8, 8)]
    [InlineData(17, 9)]
    [InlineData(7, 40)]
    public void Should_MatchPillowFormula_When_BuildingColumns(int width, int height)
    {
        var rng = new Random((width * 7919) + height);
        var px = new byte[width * height * 3];
        rng.NextBytes(px);
        px[0] = 255;
        px[1] = 255;
        px[2] = 255;
        var image = new RgbImage(width, height, px);
        using var plane = GrayPlane.FromRgb(image);
        var cols = plane.Columns;
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                int j = ((y * width) + x) * 3;
                int expected = ((19595 * px[j]) + (38470 * px[j + 1]) + (7471 * px[j + 2]) + 32768) >> 16;
                Assert.Equal(expected, cols[(x * height) + y]);
            }
        }
    }
}
