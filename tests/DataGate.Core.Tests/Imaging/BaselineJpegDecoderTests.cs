using System.Buffers.Binary;
using DataGate.Core.Imaging;
using DataGate.Benchmarks;
using DataGate.Core.Tests.Support;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.PixelFormats;
using SkiaSharp;

namespace DataGate.Core.Tests.Imaging;

/// <summary>
/// The managed fast path of the libjpeg-turbo engine: every file it accepts must come out exactly as libjpeg-turbo
/// (SkiaSharp's SKCodec) decodes it, and every file it cannot reproduce must be declined.
/// </summary>
public sealed class BaselineJpegDecoderTests
{
    private static readonly (int Width, int Height)[] s_sizes =
    [
        (3, 3), (8, 8), (9, 7), (16, 16), (17, 15), (31, 33), (64, 48), (200, 200), (317, 211),
    ];

    public static TheoryData<string> Contents => new() { "noise", "smooth", "saturated", "face" };

    [Theory]
    [MemberData(nameof(Contents))]
    public void Should_GiveLibJpegTurbosPixels_When_SkiaEncodedJpegsOfAnySamplingSizeAndQualityAreDecoded(string content)
    {
        int accepted = 0;
        foreach (var (w, h) in s_sizes)
        {
            var rgb = Content(content, w, h, seed: w * 31 + h);
            foreach (var sampling in new[] { SKJpegEncoderDownsample.Downsample420, SKJpegEncoderDownsample.Downsample422, SKJpegEncoderDownsample.Downsample444 })
            {
                foreach (int quality in new[] { 1, 35, 80, 100 })
                {
                    var jpeg = SkiaJpeg(rgb, w, h, quality, sampling);
                    accepted += AssertSameAsLibJpegTurbo(jpeg, w, h, gray: false, $"{content} {w}x{h} {sampling} q{quality}", mustAccept: !TinyChroma(w, sampling)) ? 1 : 0;
                }
            }
        }

        Assert.True(accepted >= 90, $"only {accepted} files took the fast path");
    }

    [Theory]
    [MemberData(nameof(Contents))]
    public void Should_GiveLibJpegTurbosPixels_When_ImageSharpEncodedJpegsIncludingGrayAreDecoded(string content)
    {
        foreach (var (w, h) in s_sizes)
        {
            var rgb = Content(content, w, h, seed: w + (h * 7));
            foreach (var colour in new[] { JpegColorType.YCbCrRatio420, JpegColorType.YCbCrRatio444, JpegColorType.Luminance })
            {
                foreach (int quality in new[] { 5, 75, 100 })
                {
                    var jpeg = ImageSharpJpeg(rgb, w, h, quality, colour);
                    bool tiny = colour == JpegColorType.YCbCrRatio420 && (w + 1) / 2 <= 2;
                    AssertSameAsLibJpegTurbo(jpeg, w, h, gray: colour == JpegColorType.Luminance, $"{content} {w}x{h} {colour} q{quality}", mustAccept: !tiny);
                }
            }
        }
    }

    [Fact]
    public void Should_AgreeWithLibJpegTurboOrDecline_When_GoldenJpegsAreDecoded()
    {
        int accepted = 0;
        int declined = 0;
        foreach (var path in Directory.EnumerateFiles(Golden.Image(string.Empty), "*.jpg", SearchOption.AllDirectories))
        {
            var data = File.ReadAllBytes(path);
            var facts = new SafeImageDecoder(new DecodeOptions { Engine = DecodeEngine.LibJpegTurbo }).Decode(data, "g.jpg").Facts;
            if (facts is null || facts.Mode is not ("RGB" or "L"))
            {
                continue;
            }

            var ours = new byte[facts.Width * facts.Height * 3];
            if (BaselineJpegDecoder.TryDecode(data, facts.Width, facts.Height, facts.Mode == "L", ours) is null)
            {
                accepted++;
                var expected = new byte[ours.Length];
                Assert.Null(SkiaJpegDecoder.Decode(data, facts.Width, facts.Height, facts.Mode == "L", expected));
                Assert.True(expected.AsSpan().SequenceEqual(ours), path);
            }
            else
            {
                declined++;
            }
        }

        // The golden set holds progressive files (declined) and baseline ones of several encoders (accepted).
        Assert.True(accepted >= 40, $"accepted {accepted}");
        Assert.True(declined >= 3, $"declined {declined}");
    }

    [Fact]
    public void Should_Decline_When_TheFileIsProgressiveOrHasRestartIntervals()
    {
        var progressive = File.ReadAllBytes(Golden.Image("synthetic/variants/b05_progressive.jpg"));
        var info = SixLabors.ImageSharp.Image.Identify(progressive);
        Assert.NotNull(BaselineJpegDecoder.TryDecode(progressive, info.Width, info.Height, false, new byte[info.Width * info.Height * 3]));

        var rgb = Content("face", 64, 64, 5);
        var baseline = SkiaJpeg(rgb, 64, 64, 80, SKJpegEncoderDownsample.Downsample420);
        Assert.Null(BaselineJpegDecoder.TryDecode(baseline, 64, 64, false, new byte[64 * 64 * 3]));
        Assert.Null(BaselineJpegDecoder.TryDecode(WithRestartInterval(baseline, 0), 64, 64, false, new byte[64 * 64 * 3]));
        Assert.Equal("restart interval", BaselineJpegDecoder.TryDecode(WithRestartInterval(baseline, 4), 64, 64, false, new byte[64 * 64 * 3]));
    }

    [Fact]
    public void Should_DecodeExactlyAsLibJpegTurboOrDecline_When_TheEntropyDataIsCorrupted()
    {
        // Corrupted entropy data either still decodes as a valid stream (then both decoders must agree bit for bit)
        // or trips a check (a bad code, a run past 63, data running into a marker) and is declined to libjpeg-turbo.
        var random = new Random(1234);
        int accepted = 0;
        int declined = 0;
        foreach (int seed in new[] { 1, 2, 3 })
        {
            var rgb = Content("face", 96, 80, seed);
            var original = SkiaJpeg(rgb, 96, 80, 85, seed == 2 ? SKJpegEncoderDownsample.Downsample444 : SKJpegEncoderDownsample.Downsample420);
            int scan = ScanStart(original);
            for (int i = 0; i < 150; i++)
            {
                var data = (byte[])original.Clone();
                int at = scan + random.Next(data.Length - 2 - scan);
                switch (i % 3)
                {
                    case 0:
                        data[at] ^= (byte)(1 << random.Next(8));
                        break;
                    case 1:
                        data[at] = (byte)random.Next(256);
                        break;
                    default:
                        // Cut the entropy data short, keeping the end-of-image marker.
                        data = [.. data.AsSpan(0, at), 0xFF, 0xD9];
                        break;
                }

                var ours = new byte[96 * 80 * 3];
                if (BaselineJpegDecoder.TryDecode(data, 96, 80, false, ours) is null)
                {
                    accepted++;
                    var expected = new byte[ours.Length];
                    Assert.Null(SkiaJpegDecoder.Decode(data, 96, 80, false, expected));
                    Assert.True(expected.AsSpan().SequenceEqual(ours), $"seed {seed} mutation {i} at {at}");
                }
                else
                {
                    declined++;
                }
            }
        }

        Assert.True(accepted > 20 && declined > 20, $"accepted {accepted}, declined {declined}");
    }

    [Fact]
    public void Should_EqualTheSixtyFourBitIdct_When_TheVectorIdctRunsOnRandomBlocks()
    {
        if (!System.Runtime.Intrinsics.X86.Avx2.IsSupported)
        {
            return;
        }

        var random = new Random(99);
        var block = new int[64];
        var vector = new byte[64];
        var scalar = new byte[64];
        int refused = 0;
        for (int i = 0; i < 20_000; i++)
        {
            // Magnitudes from small AC terms up to just under the vector path's input bound, sparse and dense.
            int magnitude = 1 << random.Next(1, 15);
            for (int k = 0; k < 64; k++)
            {
                block[k] = random.Next(4) == 0 || k == 0 ? random.Next(-magnitude + 1, magnitude) : 0;
            }

            if (BaselineJpegDecoder.IdctVector(block, vector, 8))
            {
                BaselineJpegDecoder.IdctScalar(block, scalar, 8);
                Assert.True(vector.AsSpan().SequenceEqual(scalar), $"block {i}");
            }
            else
            {
                refused++;
            }
        }

        // Large inputs make the first pass's outputs too large for 32-bit lanes: those blocks go the 64-bit way.
        Assert.InRange(refused, 1, 19_000);
    }

    [Fact]
    public void Should_ProduceTheSameImageThroughTheDecoder_When_TheFastPathIsTaken()
    {
        var rgb = Content("face", 200, 200, 11);
        var jpeg = SkiaJpeg(rgb, 200, 200, 90, SKJpegEncoderDownsample.Downsample420);
        var result = new SafeImageDecoder(new DecodeOptions { Engine = DecodeEngine.LibJpegTurbo }).Decode(jpeg, "f.jpg");
        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.True(result.ByManagedFastPath);
        var expected = new byte[200 * 200 * 3];
        Assert.Null(SkiaJpegDecoder.Decode(jpeg, 200, 200, false, expected));
        Assert.Equal(expected, result.Image!.Pixels);
    }

    [Fact]
    public void Should_LeaveTheFileToLibJpegTurbo_When_TheFastPathWouldExceedTheMemoryBudget()
    {
        // 410×410: libjpeg-turbo needs the RGB output and a few rows (≈ 0.56 MiB), the fast path also the component
        // planes (just over 1 MiB in all): under a 1 MiB budget only libjpeg-turbo may decode it.
        var rgb = Content("face", 410, 410, 3);
        var jpeg = SkiaJpeg(rgb, 410, 410, 85, SKJpegEncoderDownsample.Downsample420);
        var tight = new SafeImageDecoder(new DecodeOptions(maxDecodeMemoryBytes: 1 << 20) { Engine = DecodeEngine.LibJpegTurbo }).Decode(jpeg, "b.jpg");
        var roomy = new SafeImageDecoder(new DecodeOptions { Engine = DecodeEngine.LibJpegTurbo }).Decode(jpeg, "b.jpg");

        Assert.True(tight.Succeeded, tight.Error?.Message);
        Assert.False(tight.ByManagedFastPath);
        Assert.True(roomy.ByManagedFastPath);
        Assert.Equal(roomy.Image!.Pixels, tight.Image!.Pixels);
    }

    [Fact]
    public void Should_TakeTheFastPathOnlyWithTheLibJpegTurboEngine_When_AJpegIsDecoded()
    {
        var jpeg = SkiaJpeg(Content("face", 64, 64, 4), 64, 64, 85, SKJpegEncoderDownsample.Downsample420);

        Assert.True(new SafeImageDecoder(new DecodeOptions { Engine = DecodeEngine.LibJpegTurbo }).Decode(jpeg, "a.jpg").ByManagedFastPath);
        Assert.False(new SafeImageDecoder(new DecodeOptions { Engine = DecodeEngine.ImageSharp }).Decode(jpeg, "a.jpg").ByManagedFastPath);
        var progressive = new SafeImageDecoder(new DecodeOptions { Engine = DecodeEngine.LibJpegTurbo }).DecodeFile(Golden.Image("synthetic/variants/b05_progressive.jpg"), "p.jpg");
        Assert.True(progressive.Succeeded);
        Assert.False(progressive.ByManagedFastPath);
    }

    [Fact]
    public void Should_ConvertYCbCrAlikeOnEveryPath_When_RowsOfAnyWidthAreConverted()
    {
        // The 16-lane, 2×8-lane and table loops must give the same RGB; random samples cover every clamp.
        var random = new Random(7);
        foreach (int width in new[] { 1, 15, 16, 17, 31, 32, 33, 200, 317 })
        {
            var y = new byte[width];
            var cb = new byte[width];
            var cr = new byte[width];
            random.NextBytes(y);
            random.NextBytes(cb);
            random.NextBytes(cr);
            var table = new byte[width * 3];
            var narrow = new byte[width * 3];
            var wide = new byte[width * 3];
            BaselineJpegDecoder.ConvertRow(y, cb, cr, table, vectorBits: 0);
            BaselineJpegDecoder.ConvertRow(y, cb, cr, narrow, vectorBits: 256);
            BaselineJpegDecoder.ConvertRow(y, cb, cr, wide, vectorBits: 512);
            Assert.Equal(table, narrow);
            Assert.Equal(table, wide);
        }
    }

    [Fact]
    public void Should_UpsampleAlikeWithAndWithoutVectors_When_ColumnSumsOfAnyWidthAreInterpolated()
    {
        // h2v2 (sums of 3·near + far up to 1,020, rounding 8/7, shift 4) and h2v1 (samples, rounding 1/2, shift 2).
        var random = new Random(8);
        foreach (var (limit, even, odd, shift) in new[] { (1021, 8, 7, 4), (256, 1, 2, 2) })
        {
            for (int dw = 3; dw <= 41; dw++)
            {
                var sums = new short[dw + 32];
                for (int i = 0; i < sums.Length; i++)
                {
                    sums[i] = (short)random.Next(limit);
                }

                var vector = new byte[(2 * dw) + 32];
                var scalar = new byte[(2 * dw) + 32];
                BaselineJpegDecoder.Interpolate(sums, dw, vector, even, odd, shift, vector: true);
                BaselineJpegDecoder.Interpolate(sums, dw, scalar, even, odd, shift, vector: false);
                Assert.Equal(scalar.AsSpan(0, 2 * dw).ToArray(), vector.AsSpan(0, 2 * dw).ToArray());
            }
        }
    }

    [Fact]
    public void Should_RebuildItsHuffmanTables_When_ConsecutiveFilesDefineDifferentOnes()
    {
        // The decoder keeps the tables it built for the next file with the same definition. Swapping two symbols of
        // one code length in the luminance AC table gives another valid table, so the same entropy data decodes to
        // other coefficients: taken from the previous file's tables, the pixels would differ from libjpeg-turbo's.
        var original = SkiaJpeg(Content("face", 64, 64, 9), 64, 64, 90, SKJpegEncoderDownsample.Downsample420);
        int dht = original.AsSpan().IndexOf(new byte[] { 0xFF, 0xC4 });
        int accepted = 0;
        for (int swap = 0; swap < 40; swap++)
        {
            var altered = (byte[])original.Clone();
            if (!SwapSymbols(altered, dht, swap))
            {
                continue;
            }

            foreach (var data in new[] { original, altered, original })
            {
                var ours = new byte[64 * 64 * 3];
                if (BaselineJpegDecoder.TryDecode(data, 64, 64, false, ours) is null)
                {
                    var expected = new byte[ours.Length];
                    Assert.Null(SkiaJpegDecoder.Decode(data, 64, 64, false, expected));
                    Assert.True(expected.AsSpan().SequenceEqual(ours), $"swap {swap}");
                    accepted += data == altered ? 1 : 0;
                }
            }
        }

        Assert.True(accepted >= 3, $"only {accepted} altered files were taken");
    }

    // Swaps the n-th pair of neighbouring symbols that share a code length in the first AC table of the DHT segments
    // starting at dht; false when there is no such pair.
    private static bool SwapSymbols(byte[] jpeg, int dht, int n)
    {
        int pos = dht;
        while (jpeg[pos] == 0xFF && jpeg[pos + 1] == 0xC4)
        {
            int length = BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(pos + 2));
            int t = pos + 4;
            while (t < pos + 2 + length)
            {
                int total = 0;
                for (int i = 0; i < 16; i++)
                {
                    total += jpeg[t + 1 + i];
                }

                if (jpeg[t] >> 4 == 1)
                {
                    int symbol = t + 17;
                    int seen = 0;
                    for (int len = 0; len < 16; len++)
                    {
                        int count = jpeg[t + 1 + len];
                        for (int i = 0; i + 1 < count; i++, seen++)
                        {
                            if (seen == n)
                            {
                                (jpeg[symbol + i], jpeg[symbol + i + 1]) = (jpeg[symbol + i + 1], jpeg[symbol + i]);
                                return true;
                            }
                        }

                        symbol += count;
                    }

                    return false;
                }

                t += 17 + total;
            }

            pos += 2 + length;
        }

        return false;
    }

    private static bool TinyChroma(int width, SKJpegEncoderDownsample sampling) =>
        sampling != SKJpegEncoderDownsample.Downsample444 && (width + 1) / 2 <= 2;

    private static bool AssertSameAsLibJpegTurbo(byte[] jpeg, int w, int h, bool gray, string label, bool mustAccept)
    {
        var ours = new byte[w * h * 3];
        string? declined = BaselineJpegDecoder.TryDecode(jpeg, w, h, gray, ours);
        if (mustAccept)
        {
            Assert.True(declined is null, $"{label}: declined ({declined})");
        }

        if (declined is not null)
        {
            return false;
        }

        var expected = new byte[w * h * 3];
        Assert.Null(SkiaJpegDecoder.Decode(jpeg, w, h, gray, expected));
        if (!expected.AsSpan().SequenceEqual(ours))
        {
            int first = expected.AsSpan().CommonPrefixLength(ours);
            Assert.Fail($"{label}: first difference at pixel {first / 3} (x {first / 3 % w}, y {first / 3 / w}), channel {first % 3}: libjpeg-turbo {expected[first]}, ours {ours[first]}");
        }

        return true;
    }

    private static byte[] Content(string kind, int w, int h, int seed)
    {
        var random = new Random(seed);
        var rgb = new byte[w * h * 3];
        switch (kind)
        {
            case "noise":
                random.NextBytes(rgb);
                break;
            case "smooth":
                for (int y = 0, o = 0; y < h; y++)
                {
                    for (int x = 0; x < w; x++, o += 3)
                    {
                        rgb[o] = (byte)(x * 255 / Math.Max(w - 1, 1));
                        rgb[o + 1] = (byte)(y * 255 / Math.Max(h - 1, 1));
                        rgb[o + 2] = (byte)(128 + (100 * Math.Sin((x + y) / 7.0)));
                    }
                }

                break;
            case "saturated":
                // Hard edges between pure colours: the IDCT overshoots, exercising the range limit.
                for (int y = 0, o = 0; y < h; y++)
                {
                    for (int x = 0; x < w; x++, o += 3)
                    {
                        int cell = ((x / 3) + (y / 3)) % 4;
                        rgb[o] = (byte)(cell is 0 or 3 ? 255 : 0);
                        rgb[o + 1] = (byte)(cell is 1 or 3 ? 255 : 0);
                        rgb[o + 2] = (byte)(cell == 2 ? 255 : 0);
                    }
                }

                break;
            default:
                using (var face = SyntheticFaces.Face(seed, Math.Max(w, h)))
                {
                    for (int y = 0, o = 0; y < h; y++)
                    {
                        for (int x = 0; x < w; x++, o += 3)
                        {
                            var p = face[x, y];
                            rgb[o] = p.R;
                            rgb[o + 1] = p.G;
                            rgb[o + 2] = p.B;
                        }
                    }
                }

                break;
        }

        return rgb;
    }

    private static byte[] SkiaJpeg(byte[] rgb, int w, int h, int quality, SKJpegEncoderDownsample sampling)
    {
        var rgba = new byte[w * h * 4];
        for (int i = 0; i < w * h; i++)
        {
            rgba[4 * i] = rgb[3 * i];
            rgba[(4 * i) + 1] = rgb[(3 * i) + 1];
            rgba[(4 * i) + 2] = rgb[(3 * i) + 2];
            rgba[(4 * i) + 3] = 255;
        }

        using var bitmap = new SKBitmap(new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Opaque));
        System.Runtime.InteropServices.Marshal.Copy(rgba, 0, bitmap.GetPixels(), rgba.Length);
        using var pixmap = bitmap.PeekPixels();
        using var data = pixmap.Encode(new SKJpegEncoderOptions(quality, sampling, SKJpegEncoderAlphaOption.Ignore));
        return data.ToArray();
    }

    private static byte[] ImageSharpJpeg(byte[] rgb, int w, int h, int quality, JpegColorType colour)
    {
        using var image = SixLabors.ImageSharp.Image.LoadPixelData<Rgb24>(rgb, w, h);
        using var stream = new MemoryStream();
        image.SaveAsJpeg(stream, new JpegEncoder { Quality = quality, ColorType = colour });
        return stream.ToArray();
    }

    // Inserts a DRI segment right after SOI.
    private static byte[] WithRestartInterval(byte[] jpeg, int interval)
    {
        var dri = new byte[] { 0xFF, 0xDD, 0x00, 0x04, 0, 0 };
        BinaryPrimitives.WriteUInt16BigEndian(dri.AsSpan(4), (ushort)interval);
        return [.. jpeg.AsSpan(0, 2), .. dri, .. jpeg.AsSpan(2)];
    }

    private static int ScanStart(byte[] jpeg)
    {
        int pos = 2;
        while (true)
        {
            int length = BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(pos + 2));
            if (jpeg[pos + 1] == 0xDA)
            {
                return pos + 2 + length;
            }

            pos += 2 + length;
        }
    }
}
