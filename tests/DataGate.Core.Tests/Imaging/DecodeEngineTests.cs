using System.Buffers.Binary;
using DataGate.Core.Imaging;
using DataGate.Core.Tests.Support;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.PixelFormats;

namespace DataGate.Core.Tests.Imaging;

/// <summary>The libjpeg-turbo engine: Pillow's pixels on JPEG, and the same safety path as ImageSharp's.</summary>
public sealed class DecodeEngineTests
{
    private static readonly SafeImageDecoder s_turbo = new(new DecodeOptions { Engine = DecodeEngine.LibJpegTurbo });

    [Fact]
    public void Should_LoadTheNativeLibrary_When_TheProcessStarts()
    {
        Assert.Null(SkiaJpegDecoder.LoadError);
        Assert.StartsWith("88.1", SkiaJpegDecoder.NativeVersion, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_DecodePillowsPixels_When_GoldenJpegGoesThroughLibJpegTurbo()
    {
        // Every golden JPEG with Pillow's decoded pixels: baseline, progressive, q8..q95, gray (L), CMYK, EXIF-rotated.
        var rows = Golden.DecodedRows().Where(r => r.Row["format"] == "JPEG").ToList();
        Assert.True(rows.Count >= 50, "too few golden JPEGs");
        Assert.Contains(rows, r => r.Row["mode"] == "CMYK");
        var different = new List<string>();
        foreach (var (row, png) in rows)
        {
            var ours = s_turbo.DecodeFile(Golden.Image(row["path"]), row["path"]);
            Assert.True(ours.Succeeded, $"{row["path"]}: {ours.Error}");
            var pillow = Golden.Load(png);
            if (!ours.Image!.Pixels.AsSpan().SequenceEqual(pillow.Pixels))
            {
                different.Add(row["path"]);
            }
        }

        Assert.True(different.Count == 0, "pixels differ from Pillow's: " + string.Join(", ", different));
    }

    [Fact]
    public void Should_MatchSkiasOwnDecode_When_RowsOfAnyWidthAreExpandedToRgb()
    {
        // The strip decode drops the alpha byte with a vector shuffle (4 pixels per step) and a scalar tail: every
        // width from 1 to 21 pixels covers the tail lengths and the stop before the last 16 bytes.
        for (int width = 1; width <= 21; width++)
        {
            foreach (int height in new[] { 1, 2, 7 })
            {
                var bytes = Jpeg(width, height);
                var ours = s_turbo.Decode(bytes, "w.jpg");
                Assert.True(ours.Succeeded, $"{width}x{height}: {ours.Error}");
                using var reference = SkiaSharp.SKBitmap.Decode(bytes, new SkiaSharp.SKImageInfo(width, height, SkiaSharp.SKColorType.Rgba8888, SkiaSharp.SKAlphaType.Unpremul));
                var rgba = reference.Bytes;
                var expected = new byte[width * height * 3];
                for (int i = 0; i < width * height; i++)
                {
                    expected[(3 * i) + 0] = rgba[(4 * i) + 0];
                    expected[(3 * i) + 1] = rgba[(4 * i) + 1];
                    expected[(3 * i) + 2] = rgba[(4 * i) + 2];
                }

                Assert.True(expected.AsSpan().SequenceEqual(ours.Image!.Pixels), $"{width}x{height}: pixels differ from Skia's own decode");
            }
        }
    }

    [Fact]
    public void Should_DecodeGrayJpegAsThreeEqualChannels_When_ModeIsL()
    {
        var bytes = Jpeg(64, 48, JpegColorType.Luminance);

        var turbo = s_turbo.Decode(bytes, "gray.jpg");
        var sharp = new SafeImageDecoder(new DecodeOptions { Engine = DecodeEngine.ImageSharp }).Decode(bytes, "gray.jpg");

        Assert.Equal("L", turbo.Facts!.Mode);
        var px = turbo.Image!.Pixels;
        for (int i = 0; i < px.Length; i += 3)
        {
            Assert.True(px[i] == px[i + 1] && px[i] == px[i + 2], $"pixel {i / 3} is not gray");
            Assert.InRange(px[i] - sharp.Image!.Pixels[i], -3, 3);
        }
    }

    [Fact]
    public void Should_RefuseBeforeDecoding_When_JpegHeaderDeclaresTooManyPixels()
    {
        var bytes = Jpeg(64, 48);
        int sof = bytes.AsSpan().IndexOf(new byte[] { 0xFF, 0xC0 });
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(sof + 5), 60000);
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(sof + 7), 60000);

        var result = s_turbo.Decode(bytes, "bomb.jpg");

        Assert.Equal("DG3004", result.Error?.Code);
    }

    [Fact]
    public void Should_ReportTruncation_When_JpegIsCut()
    {
        var bytes = Jpeg(64, 48);

        var result = s_turbo.Decode(bytes[..(bytes.Length * 2 / 3)], "cut.jpg");

        Assert.Equal("DG3005", result.Error?.Code);
    }

    [Fact]
    public void Should_RefuseBeforeAllocating_When_DecodeExceedsTheMemoryBudget()
    {
        var decoder = new SafeImageDecoder(new DecodeOptions(maxDecodeMemoryBytes: 1 << 20) { Engine = DecodeEngine.LibJpegTurbo });

        var result = decoder.Decode(Jpeg(1000, 400), "big.jpg");

        Assert.Equal("DG3007", result.Error?.Code);
        Assert.Contains("MiB budget", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_ReportTheEngineFailure_When_LibJpegTurboRejectsTheScan()
    {
        // Start-of-scan names a component the frame does not have: the container is whole and the header is valid,
        // but libjpeg-turbo refuses the scan. The record carries DG3014, the process carries on.
        var bytes = Jpeg(64, 48);
        int sos = bytes.AsSpan().IndexOf(new byte[] { 0xFF, 0xDA });
        bytes[sos + 5] = 9;

        var result = s_turbo.Decode(bytes, "scan.jpg");

        Assert.False(result.Succeeded);
        Assert.Equal("DG3014", result.Error?.Code);
        Assert.Contains("libjpeg-turbo", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_DecodeOtherFormatsAsBefore_When_EngineIsLibJpegTurbo()
    {
        foreach (var row in Golden.LosslessRows().Take(20))
        {
            var turbo = s_turbo.DecodeFile(Golden.Image(row["path"]), row["path"]).Image!;
            var sharp = Golden.Load(Golden.Image(row["path"]), DecodeEngine.ImageSharp);
            Assert.True(turbo.Pixels.AsSpan().SequenceEqual(sharp.Pixels), row["path"]);
        }
    }

    [Theory]
    [InlineData("imagesharp", DecodeEngine.ImageSharp)]
    [InlineData("libjpeg-turbo", DecodeEngine.LibJpegTurbo)]
    public void Should_RoundTripTheName_When_EngineIsNamed(string name, DecodeEngine engine)
    {
        Assert.True(DecodeEngineNames.TryParse(name, out var parsed));
        Assert.Equal(engine, parsed);
        Assert.Equal(name, DecodeEngineNames.NameOf(engine));
    }

    [Theory]
    [InlineData("")]
    [InlineData("ImageSharp")]
    [InlineData("libjpeg")]
    [InlineData(null)]
    public void Should_RejectTheName_When_ItIsNotAnEngine(string? name) => Assert.False(DecodeEngineNames.TryParse(name, out _));

    private static byte[] Jpeg(int width, int height, JpegColorType? colorType = null)
    {
        var pixels = GeneratedImages.Noise(width, height, 5).Pixels;
        using var image = Image.LoadPixelData<Rgb24>(pixels, width, height);
        using var stream = new MemoryStream();
        image.SaveAsJpeg(stream, new JpegEncoder { Quality = 90, ColorType = colorType });
        return stream.ToArray();
    }
}
