using DataGate.Core.Metrics.Eda;

namespace DataGate.Core.Tests.Metrics.Eda;

public class EdaResizeTests
{
    [Fact]
    public void Should_RoundHalfUp_When_TwoByTwoBlocksAverageToHalf()
    {
        // 200×200 → 100×100 is OpenCV's integer INTER_AREA with its vector 2×2 path: (s + 2) >> 2.
        var src = new byte[200 * 200 * 3];
        for (int i = 0; i < src.Length; i += 6)
        {
            src[i] = 1; // R of even columns: blocks of R sum to 2 → 0.5 → 1
            src[i + 4] = 3; // G of odd columns: blocks sum to 6 → 1.5 → 2
        }

        var dst = new byte[100 * 100 * 3];
        OpenCvAreaResize.Resize(src, 200, 200, dst, 100, 100);
        Assert.All(Enumerable.Range(0, 100 * 100), p => Assert.Equal((1, 2, 0), (dst[p * 3], dst[(p * 3) + 1], dst[(p * 3) + 2])));
    }

    [Fact]
    public void Should_RoundHalfToEven_When_ThreeByThreeBlocksAreAveraged()
    {
        // 300×300: cvRound(sum · (1/9)f). A block with one 255 and eight 0 gives 28.33 → 28.
        var src = new byte[300 * 300 * 3];
        for (int y = 0; y < 300; y += 3)
        {
            for (int x = 0; x < 300; x += 3)
            {
                src[((y * 300) + x) * 3] = 255;
            }
        }

        var dst = new byte[100 * 100 * 3];
        OpenCvAreaResize.Resize(src, 300, 300, dst, 100, 100);
        Assert.Equal(28, dst[0]);
        Assert.Equal(28, dst[(99 * 100 + 99) * 3]);
    }

    [Fact]
    public void Should_KeepMeanOfConstantImage_When_FactorIsFractional()
    {
        foreach (var (w, h) in new[] { (317, 211), (150, 130), (1000, 40), (8, 8), (37, 100) })
        {
            var src = Enumerable.Repeat((byte)77, w * h * 3).ToArray();
            var dst = new byte[100 * 100 * 3];
            OpenCvAreaResize.Resize(src, w, h, dst, 100, 100);
            Assert.All(dst, v => Assert.Equal(77, v));
        }
    }

    [Fact]
    public void Should_CopyPixels_When_ImageIsAlready100Square()
    {
        var src = Enumerable.Range(0, 100 * 100 * 3).Select(i => (byte)(i * 7)).ToArray();
        var dst = new byte[src.Length];
        OpenCvAreaResize.Resize(src, 100, 100, dst, 100, 100);
        Assert.Equal(src, dst);
    }

    [Theory]
    [InlineData(6, 0, 1, 0, 0)] // 90° clockwise: the left column becomes the top row, read bottom to top
    [InlineData(8, 2, 0, 2, 1)] // 90° counter-clockwise
    [InlineData(3, 2, 1, 1, 1)] // 180°
    public void Should_OrientLikeCv2Imread_When_ExifOrientationIsSet(int orientation, int x0, int y0, int x1, int y1)
    {
        // 3×2 image whose pixel (x, y) has R = 10·y + x.
        var src = new byte[3 * 2 * 3];
        for (int y = 0; y < 2; y++)
        {
            for (int x = 0; x < 3; x++)
            {
                src[((y * 3) + x) * 3] = (byte)((10 * y) + x);
            }
        }

        var (dst, w, h) = ExifOrientation.Apply(src, 3, 2, orientation);
        Assert.Equal(orientation == 3 ? (3, 2) : (2, 3), (w, h));

        // Output (0, 0) and (1, 0) come from source (x0, y0) and (x1, y1).
        Assert.Equal((10 * y0) + x0, dst[0]);
        Assert.Equal((10 * y1) + x1, dst[3]);
    }
}
