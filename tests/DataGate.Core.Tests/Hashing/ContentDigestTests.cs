using DataGate.Core.Hashing;
using DataGate.Core.Imaging;
using DataGate.Core.Tests.Support;

namespace DataGate.Core.Tests.Hashing;

public sealed class ContentDigestTests
{
    [Fact]
    public void Should_GiveSameFileHash_When_BytesAreCopied()
    {
        const string Base = "synthetic/faces/1_0_0_2017011010000000.jpg.chip.jpg";
        var a = ContentDigest.FileHash(Golden.Image(Base));
        var copy = ContentDigest.FileHash(Golden.Image("synthetic/variants/b00_copy.jpg"));
        var reencoded = ContentDigest.FileHash(Golden.Image("synthetic/variants/b00_q95.jpg"));
        Assert.Matches("^[0-9a-f]{32}$", a);
        Assert.Equal(a, copy);
        Assert.NotEqual(a, reencoded);
        Assert.Equal(a, ContentDigest.FileHash(File.ReadAllBytes(Golden.Image(Base))));
    }

    [Fact]
    public void Should_GiveSamePixelHash_When_PixelsAreEqualInOtherBytes()
    {
        // BMP and lossless WebP of the same pixels (golden metrics agree on every pixel statistic).
        var png = Golden.Load(Golden.Image("synthetic/variants/b00.webp"));
        var bmp = Golden.Load(Golden.Image("synthetic/variants/b00.bmp"));
        Assert.Equal(ContentDigest.PixelHash(png), ContentDigest.PixelHash(bmp));
        Assert.NotEqual(ContentDigest.FileHash(Golden.Image("synthetic/variants/b00.webp")), ContentDigest.FileHash(Golden.Image("synthetic/variants/b00.bmp")));
        var blurred = Golden.Load(Golden.Image("synthetic/variants/b00_blur1.png"));
        Assert.NotEqual(ContentDigest.PixelHash(png), ContentDigest.PixelHash(blurred));
    }

    [Fact]
    public void Should_DifferInPixelHash_When_OnlyShapeDiffers()
    {
        var bytes = Enumerable.Range(0, 6 * 4 * 3).Select(i => (byte)i).ToArray();
        var wide = new RgbImage(6, 4, bytes);
        var tall = new RgbImage(4, 6, bytes);
        Assert.NotEqual(ContentDigest.PixelHash(wide), ContentDigest.PixelHash(tall));
        Assert.Equal(ContentDigest.PixelHash(wide), ContentDigest.PixelHash(new RgbImage(6, 4, (byte[])bytes.Clone())));
    }
}
