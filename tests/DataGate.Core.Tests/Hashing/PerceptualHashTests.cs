using DataGate.Core.Hashing;
using DataGate.Core.Imaging;
using DataGate.Core.Tests.Support;

namespace DataGate.Core.Tests.Hashing;

public sealed class PerceptualHashTests
{
    [Fact]
    public void Should_MatchDirectComputation_When_HsvComesFromTables()
    {
        int mismatches = 0;
        for (int r = 0; r < 256; r++)
        {
            for (int g = 0; g < 256; g++)
            {
                for (int b = 0; b < 256; b++)
                {
                    if (PillowHsv.HueSaturation((byte)r, (byte)g, (byte)b) != PillowHsv.Compute((byte)r, (byte)g, (byte)b))
                    {
                        mismatches++;
                    }
                }
            }
        }

        Assert.Equal(0, mismatches);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Should_MatchStraightforwardColorhash_When_PixelsAreRandom(int seed)
    {
        // Channels drawn from a few levels so ties (two channels equal to the maximum), black, gray and S == 170
        // all occur often.
        var rng = new Random(seed);
        byte[] levels = [0, 10, 31, 32, 40, 85, 100, 128, 170, 200, 255];
        var px = new byte[150 * 90 * 3];
        for (int i = 0; i < px.Length; i++)
        {
            px[i] = rng.Next(3) == 0 ? (byte)rng.Next(256) : levels[rng.Next(levels.Length)];
        }

        var img = new RgbImage(150, 90, px);
        Assert.Equal(ReferenceColorHash(img), PerceptualHash.ColorHash(img));
    }

    [Theory]
    [InlineData(255, 0, 0, 0, 255)]
    [InlineData(0, 255, 0, 85, 255)]
    [InlineData(0, 0, 255, 170, 255)]
    [InlineData(255, 0, 255, 212, 255)]
    [InlineData(100, 50, 50, 0, 127)]
    public void Should_GivePillowHueAndSaturation_When_ColourIsKnown(int r, int g, int b, int hue, int saturation)
    {
        // Pillow: h = ((h/6 + 1) mod 1) · 255 truncated; s = (max − min) / max · 255 truncated.
        Assert.Equal(((byte)hue, (byte)saturation), PillowHsv.Compute((byte)r, (byte)g, (byte)b));
    }

    [Fact]
    public void Should_ReturnSameValuesAsStringMethods_When_ComputingAll()
    {
        var img = Golden.Load(Golden.Image("synthetic/variants/b00.bmp"));
        var all = PerceptualHash.Compute(img);
        Assert.Equal(PerceptualHash.AverageHash(img), all.AHash);
        Assert.Equal(PerceptualHash.PHash(img), all.PHash);
        Assert.Equal(PerceptualHash.DHash(img), all.DHash);
        Assert.Equal(PerceptualHash.WHash(img), all.WHash);
        Assert.Equal(PerceptualHash.ColorHash(img), all.ColorHash);
        Assert.Equal(HashFormat.ParseHex64(all.PHash), all.PHash64);
        Assert.Equal(HashFormat.ParseHex64(all.AHash), all.AHash64);
        Assert.Equal(HashFormat.ParseHex64(all.DHash), all.DHash64);
        Assert.Equal(HashFormat.ParseHex64(all.WHash), all.WHash64);
    }

    [Fact]
    public void Should_ScaleHexLength_When_HashSizeChanges()
    {
        var img = Gradient(97, 61);
        Assert.Equal(64, PerceptualHash.AverageHash(img, 16).Length);
        Assert.Equal(64, PerceptualHash.PHash(img, 16).Length);
        Assert.Equal(64, PerceptualHash.DHash(img, 16).Length);
        Assert.Equal(64, PerceptualHash.WHash(img, 16).Length);
        Assert.Equal(13, PerceptualHash.AverageHash(img, 7).Length); // 49 bits -> 13 digits, left-padded
        Assert.Equal(14, PerceptualHash.ColorHash(img, 4).Length);   // 56 bits
        Assert.Throws<ArgumentException>(() => PerceptualHash.WHash(img, 12));
        Assert.Throws<ArgumentOutOfRangeException>(() => PerceptualHash.AverageHash(img, 1));
    }

    [Fact]
    public void Should_WriteImagehashHex_When_BitsAreKnown()
    {
        // 6 bits 101101 = 0x2d, padded on the left to ceil(6/4) = 2 digits.
        Assert.Equal("2d", HashFormat.ToHex([true, false, true, true, false, true]));
        var bits = new bool[64];
        bits[0] = true;
        bits[63] = true;
        Assert.Equal("8000000000000001", HashFormat.ToHex(bits));
        Assert.Equal(0x8000000000000001UL, HashFormat.ToUInt64(bits));
        Assert.Equal(2, HashFormat.HammingDistance(0x8000000000000001UL, 0));
    }

    [Fact]
    public void Should_MatchPillowResize_When_SizeIsUnchanged()
    {
        // An 8×8 image is not resampled by Pillow for ahash: the hash compares the pixels themselves.
        var px = new byte[8 * 8 * 3];
        for (int i = 0; i < 64; i++)
        {
            px[i * 3] = px[(i * 3) + 1] = px[(i * 3) + 2] = (byte)(i % 2 == 0 ? 200 : 10);
        }

        Assert.Equal("aaaaaaaaaaaaaaaa", PerceptualHash.AverageHash(new RgbImage(8, 8, px)));
    }

    // imagehash.colorhash(binbits=3) written out directly over PillowHsv.Compute, without tables or tricks.
    private static string ReferenceColorHash(RgbImage img)
    {
        int n = img.PixelCount, black = 0, gray = 0, colours = 0;
        var faint = new int[6];
        var bright = new int[6];
        double[] edges = [0, 42.5, 85, 127.5, 170, 212.5, 255];
        for (int i = 0; i < n; i++)
        {
            byte r = img.Pixels[i * 3], g = img.Pixels[(i * 3) + 1], b = img.Pixels[(i * 3) + 2];
            int level = ((19595 * r) + (38470 * g) + (7471 * b) + 32768) >> 16;
            var (h, s) = PillowHsv.Compute(r, g, b);
            if (level < 32)
            {
                black++;
                continue;
            }

            if (s < 85)
            {
                gray++;
                continue;
            }

            colours++;
            int bin = 5;
            for (int k = 0; k < 5; k++)
            {
                if (h < edges[k + 1])
                {
                    bin = k;
                    break;
                }
            }

            if (s < 170)
            {
                faint[bin]++;
            }
            else if (s > 170)
            {
                bright[bin]++;
            }
        }

        var values = new List<int> { Math.Min(7, (int)((double)black / n * 8)), Math.Min(7, (int)((double)gray / n * 8)) };
        double c = Math.Max(1, colours);
        values.AddRange(faint.Concat(bright).Select(v => Math.Min(7, (int)(v * 8 / c))));
        var bits = values.SelectMany(v => new[] { v / 4 % 8 > 0, v / 2 % 4 > 0, v % 2 > 0 }).ToArray();
        return HashFormat.ToHex(bits);
    }

    private static RgbImage Gradient(int w, int h)
    {
        var px = new byte[w * h * 3];
        for (int y = 0; y < h; y++)
        {
            for (int x = 0; x < w; x++)
            {
                int o = ((y * w) + x) * 3;
                px[o] = (byte)(x * 255 / w);
                px[o + 1] = (byte)(y * 255 / h);
                px[o + 2] = (byte)((x * y) % 256);
            }
        }

        return new RgbImage(w, h, px);
    }
}
