using DataGate.Core.Analysis;
using DataGate.Core.Imaging;
using DataGate.Core.Tests.Support;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace DataGate.Core.Tests.Api;

public sealed class ImageMeasurerTests
{
    private static readonly ImageMeasurer s_measurer = new();

    private static byte[] Convert(RgbImage image, PixelLayout layout, int padding)
    {
        int bpp = layout switch { PixelLayout.Rgb24 => 3, PixelLayout.L8 => 1, _ => 4 };
        int stride = (image.Width * bpp) + padding;
        var bytes = new byte[stride * image.Height];
        Array.Fill(bytes, (byte)0xAB); // padding must be ignored
        for (int y = 0; y < image.Height; y++)
        {
            var row = image.Row(y);
            for (int x = 0; x < image.Width; x++)
            {
                byte r = row[x * 3], g = row[(x * 3) + 1], b = row[(x * 3) + 2];
                int o = (y * stride) + (x * bpp);
                switch (layout)
                {
                    case PixelLayout.Rgb24:
                        (bytes[o], bytes[o + 1], bytes[o + 2]) = (r, g, b);
                        break;
                    case PixelLayout.Rgba32:
                        (bytes[o], bytes[o + 1], bytes[o + 2], bytes[o + 3]) = (r, g, b, 77);
                        break;
                    case PixelLayout.Bgra32:
                        (bytes[o], bytes[o + 1], bytes[o + 2], bytes[o + 3]) = (b, g, r, 200);
                        break;
                    default:
                        bytes[o] = r;
                        break;
                }
            }
        }

        return bytes;
    }

    private static void AssertSameMetrics(ImageRecord expected, ImageRecord actual, params MetricDefinition[] except)
    {
        foreach (var m in MetricCatalog.All.Except(except))
        {
            Assert.True(expected[m].Equals(actual[m]), $"{m.Name}: {expected[m]} vs {actual[m]}");
        }
    }

    [Theory]
    [InlineData(PixelLayout.Rgba32, 0)]
    [InlineData(PixelLayout.Bgra32, 0)]
    [InlineData(PixelLayout.Bgra32, 12)]
    [InlineData(PixelLayout.Rgb24, 5)]
    public void Should_MeasureLikeRgb24_When_PixelsComeInAnotherLayoutOrStride(PixelLayout layout, int padding)
    {
        var image = GeneratedImages.Noise(64, 48, seed: 7);
        var reference = s_measurer.MeasurePixels(image.Pixels, 64, 48, 64 * 3, PixelLayout.Rgb24, "ref");
        int bpp = layout == PixelLayout.Rgb24 ? 3 : 4;
        var actual = s_measurer.MeasurePixels(Convert(image, layout, padding), 64, 48, (64 * bpp) + padding, layout, "other");

        Assert.True(reference.IsAnalysed, reference.Error?.ToString());
        Assert.True(actual.IsAnalysed, actual.Error?.ToString());
        // Channels says what was handed over (4 for RGBA/BGRA); every pixel metric is the same.
        AssertSameMetrics(reference, actual, MetricCatalog.Channels);
        Assert.Equal(reference.Texts[TextColumns.PixelHash], actual.Texts[TextColumns.PixelHash]);
        Assert.Equal(reference.Texts[TextColumns.PHash], actual.Texts[TextColumns.PHash]);
    }

    [Fact]
    public void Should_MeasureGray_When_PixelsAreL8()
    {
        var gray = GeneratedImages.Solid(20, 10, 90, 90, 90);
        var record = s_measurer.MeasurePixels(Convert(gray, PixelLayout.L8, 3), 20, 10, 23, PixelLayout.L8, "gray");
        Assert.Equal(1, record[MetricCatalog.IsGrayscale]);
        Assert.Equal(90, record[MetricCatalog.LuminanceMean], 9);
        Assert.Equal(1, record[MetricCatalog.Channels]);
        Assert.True(double.IsNaN(record[MetricCatalog.FileSize]));
        Assert.False(record.Texts.ContainsKey(TextColumns.FileHash));
    }

    [Fact]
    public void Should_MatchFileMeasurement_When_EncodedBytesAndDecodedPixelsAreGiven()
    {
        var noise = GeneratedImages.Noise(40, 30, seed: 3);
        using var png = Image.LoadPixelData<Rgb24>(noise.Pixels, 40, 30);
        using var stream = new MemoryStream();
        png.SaveAsPng(stream);
        byte[] bytes = stream.ToArray();
        string file = Path.Combine(Path.GetTempPath(), $"dg-measure-{Guid.NewGuid():N}.png");
        File.WriteAllBytes(file, bytes);
        try
        {
            var fromFile = s_measurer.MeasureFile(file, "x.png");
            var fromBytes = s_measurer.MeasureEncoded(bytes, "x.png");
            var fromPixels = s_measurer.MeasurePixels(noise.Pixels, 40, 30, 120, PixelLayout.Rgb24, "x.png");

            Assert.Equal("x.png", fromFile.Path);
            AssertSameMetrics(fromFile, fromBytes);
            Assert.Equal(fromFile.Texts.OrderBy(k => k.Key), fromBytes.Texts.OrderBy(k => k.Key));
            Assert.Equal(bytes.Length, fromBytes[MetricCatalog.FileSize]);
            AssertSameMetrics(fromFile, fromPixels, MetricCatalog.FileSize);
            Assert.Equal(fromFile.Texts[TextColumns.PixelHash], fromPixels.Texts[TextColumns.PixelHash]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Should_RefuseWithoutMeasuring_When_PixelCountIsOverTheLimit()
    {
        var small = new ImageMeasurer(new DecodeOptions(maxPixels: 100));
        var record = small.MeasurePixels(new byte[11 * 10 * 3], 11, 10, 33, PixelLayout.Rgb24, "big");
        Assert.False(record.IsAnalysed);
        Assert.Equal("DG3004", record.Error!.Code);
        Assert.Equal(11, record[MetricCatalog.Width]);
    }

    [Fact]
    public void Should_Throw_When_SpanIsShorterThanTheGeometry()
    {
        Assert.Throws<ArgumentException>(() => s_measurer.MeasurePixels(new byte[10], 4, 4, 12, PixelLayout.Rgb24, "short"));
        Assert.Throws<ArgumentOutOfRangeException>(() => s_measurer.MeasurePixels(new byte[100], 4, 4, 8, PixelLayout.Rgb24, "stride"));
    }

    [Fact]
    public void Should_ReportError_When_EncodedBytesAreNotAnImage()
    {
        var record = s_measurer.MeasureEncoded("not an image"u8, "notes.png");
        Assert.Equal("DG3003", record.Error!.Code);
        Assert.Equal("notes.png", record.Error.ImagePath);
    }
}
