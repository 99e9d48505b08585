using DataGate.Core.Imaging;
using DataGate.Core.Tests.Support;

namespace DataGate.Core.Tests.Imaging;

public class SafeImageDecoderTests
{
    [Theory]
    [InlineData("badcrc.png", "DG3006")]
    [InlineData("bomb_60000x60000.png", "DG3004")]
    [InlineData("empty.jpg", "DG3002")]
    [InlineData("random.jpg", "DG3003")]
    [InlineData("text.png", "DG3003")]
    [InlineData("truncated.jpg", "DG3005")]
    public void Should_ReportOwnDiagnostic_When_GoldenBadFileIsDecoded(string file, string code)
    {
        var result = new SafeImageDecoder().DecodeFile(Golden.Image("synthetic/bad/" + file), file);
        Assert.False(result.Succeeded);
        Assert.Equal(code, result.Error!.Code);
        Assert.Equal(file, result.Error.ImagePath);
    }

    [Fact]
    public void Should_DecodeAndWarn_When_JpegIsNamedPng()
    {
        var result = new SafeImageDecoder().DecodeFile(Golden.Image("synthetic/bad/jpeg_named.png"), "jpeg_named.png");
        Assert.True(result.Succeeded);
        Assert.Equal("JPEG", result.Facts!.Format);
        Assert.Contains(result.Notes, n => n.Code == "DG3008");
    }

    [Fact]
    public void Should_MatchPillowPixels_When_LosslessGoldenFilesAreDecoded()
    {
        foreach (var row in Golden.LosslessRows())
        {
            var image = Golden.Load(Golden.Image(row["path"]));
            Assert.Equal(int.Parse(row["width"]), image.Width);
            Assert.Equal(int.Parse(row["height"]), image.Height);
            double mean = image.Pixels.Average(b => (double)b);
            // mean_brightness = (R+G+B)/3 averaged = mean of all channel values
            Assert.Equal(Golden.Number(row["mean_brightness"]), mean, 9);
        }
    }

    [Fact]
    public void Should_RecordExifOrientation_When_FileHasOrientationTag()
    {
        var result = new SafeImageDecoder().DecodeFile(Golden.Image("synthetic/variants/b00_exif6.jpg"), "b00_exif6.jpg");
        Assert.True(result.Succeeded);
        Assert.Equal(6, result.Facts!.ExifOrientation);
        Assert.Equal(200, result.Image!.Width);
    }

    [Fact]
    public void Should_DecodeFirstFrameOnly_When_GifIsAnimated()
    {
        var result = new SafeImageDecoder().DecodeFile(Golden.Image("synthetic/edge/anim.gif"), "anim.gif");
        Assert.True(result.Succeeded, result.Error?.ToString());
    }

    [Fact]
    public void Should_ReportTruncation_When_PngLosesItsTail()
    {
        var bytes = File.ReadAllBytes(Golden.Image("synthetic/edge/ramp.png"));
        var cut = bytes.AsSpan(0, bytes.Length - 20).ToArray();
        var result = new SafeImageDecoder().Decode(cut, "cut.png");
        Assert.True(result.Error?.Code == "DG3005", result.Error?.ToString());
    }

    [Fact]
    public void Should_RefuseBeforeDecoding_When_PixelLimitIsExceeded()
    {
        var decoder = new SafeImageDecoder(new DecodeOptions(maxPixels: 1000));
        var result = decoder.DecodeFile(Golden.Image("synthetic/edge/ramp.png"), "ramp.png");
        Assert.Equal("DG3004", result.Error?.Code);
        Assert.NotNull(result.Facts);
    }

    [Fact]
    public void Should_DecodeGrayNetpbm_When_FileIsPgm()
    {
        var header = System.Text.Encoding.ASCII.GetBytes("P5\n4 3\n255\n");
        var pixels = Enumerable.Range(0, 12).Select(i => (byte)(i * 20)).ToArray();
        var result = new SafeImageDecoder().Decode([.. header, .. pixels], "ramp.pgm");
        Assert.True(result.Succeeded, result.Error?.ToString());
        Assert.Equal("PBM", result.Facts!.Format);
        Assert.Equal((4, 3), (result.Image!.Width, result.Image.Height));
        Assert.Equal(pixels, Enumerable.Range(0, 12).Select(i => result.Image.Pixels[i * 3]));
        Assert.Equal(pixels, Enumerable.Range(0, 12).Select(i => result.Image.Pixels[(i * 3) + 2]));
        Assert.Empty(result.Notes);
    }

    [Fact]
    public void Should_ClipLikePillow_When_PngIsSixteenBitGray()
    {
        var result = new SafeImageDecoder().DecodeFile(Golden.Image("synthetic/edge/ramp16.png"), "ramp16.png");
        Assert.True(result.Succeeded, result.Error?.ToString());
        Assert.Equal("I", result.Facts!.Mode);
        var row = Golden.Metrics.Single(r => r["path"] == "synthetic/edge/ramp16.png");
        Assert.Equal(Golden.Number(row["mean_brightness"]), result.Image!.Pixels.Average(b => (double)b), 9);
    }

    [Theory]
    [InlineData("synthetic/edge/anim.gif", "GIF")]
    [InlineData("synthetic/variants/b00.webp", "WEBP")]
    [InlineData("synthetic/variants/b00.bmp", "BMP")]
    [InlineData("synthetic/variants/b00_progressive.jpg", "JPEG")]
    public void Should_ReportTruncation_When_FileOfAnyFormatIsCut(string source, string format)
    {
        var bytes = File.ReadAllBytes(Golden.Image(source));
        var cut = bytes.AsSpan(0, bytes.Length * 2 / 3).ToArray();
        var result = new SafeImageDecoder().Decode(cut, Path.GetFileName(source));
        Assert.False(result.Succeeded);
        Assert.Equal("DG3005", result.Error!.Code);
        Assert.StartsWith(format, result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_DecodeAndNote_When_JpegHasTrailingData()
    {
        var bytes = File.ReadAllBytes(Golden.Image("synthetic/variants/b00_q95.jpg"));
        var result = new SafeImageDecoder().Decode([.. bytes, .. "appended by a camera"u8.ToArray()], "b00.jpg");
        Assert.True(result.Succeeded, result.Error?.ToString());
        Assert.Contains(result.Notes, n => n.Code == "DG3013");
    }
}
