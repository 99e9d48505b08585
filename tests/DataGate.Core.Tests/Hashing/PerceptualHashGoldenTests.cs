using System.Numerics;
using DataGate.Core.Hashing;
using DataGate.Core.Imaging;
using DataGate.Core.Tests.Support;
using Xunit.Abstractions;

namespace DataGate.Core.Tests.Hashing;

public sealed class PerceptualHashGoldenTests(ITestOutputHelper output)
{
    private static readonly string[] s_columns = ["ahash", "phash", "dhash", "whash", "colorhash"];

    [Fact]
    public void Should_EqualImagehash_When_FileIsLossless()
    {
        // PNG and BMP, plus lossless WebP (WebP files without a Pillow-decoded reference PNG).
        var rows = Golden.LosslessRows()
            .Concat(Golden.Metrics.Where(r => r["format"] == "WEBP" && r["error"].Length == 0 && Golden.Decoded(r["path"]) is null))
            .ToList();
        Assert.NotEmpty(rows);
        var mismatches = new List<string>();
        foreach (var row in rows)
        {
            var hashes = PerceptualHash.Compute(Golden.Load(Golden.Image(row["path"])));
            Collect(row, hashes, row["path"], mismatches);
        }

        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {rows.Count * 5} differ:\n" + string.Join("\n", mismatches));
    }

    [Fact]
    public void Should_EqualImagehash_When_PixelsArePillowDecoded()
    {
        var rows = Golden.DecodedRows().ToList();
        Assert.NotEmpty(rows);
        var mismatches = new List<string>();
        foreach (var (row, png) in rows)
        {
            var hashes = PerceptualHash.Compute(Golden.Load(png));
            Collect(row, hashes, row["path"] + " (decoded)", mismatches);
        }

        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {rows.Count * 5} differ:\n" + string.Join("\n", mismatches));
    }

    [Fact]
    public void Should_EqualImagehashExactly_When_JpegIsDecodedByLibJpegTurbo()
    {
        // libjpeg-turbo (through Skia) decodes Pillow's pixels, so every hash of every golden JPEG (RGB, L, CMYK) is equal.
        var rows = Golden.Metrics.Where(r => r["format"] == "JPEG" && r["error"].Length == 0 && File.Exists(Golden.Image(r["path"]))).ToList();
        Assert.True(rows.Count >= 50, "too few golden JPEGs");
        var mismatches = new List<string>();
        foreach (var row in rows)
        {
            Collect(row, PerceptualHash.Compute(Golden.Load(Golden.Image(row["path"]), DecodeEngine.LibJpegTurbo)), row["path"], mismatches);
        }

        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {rows.Count * 5} differ:\n" + string.Join("\n", mismatches));
    }

    [Fact]
    public void Should_MostlyEqualImagehash_When_JpegIsDecodedByImageSharp()
    {
        var rows = Golden.DecodedRows().Where(r => r.Row["format"] == "JPEG").ToList();
        Assert.NotEmpty(rows);
        var equal = new int[5];
        var histograms = new SortedDictionary<int, int>[5];
        for (int c = 0; c < 5; c++)
        {
            histograms[c] = [];
        }

        foreach (var (row, _) in rows)
        {
            var h = PerceptualHash.Compute(Golden.Load(Golden.Image(row["path"]), DecodeEngine.ImageSharp));
            string[] ours = [h.AHash, h.PHash, h.DHash, h.WHash, h.ColorHash];
            for (int c = 0; c < 5; c++)
            {
                int d = BitDistance(ours[c], row[s_columns[c]]);
                equal[c] += d == 0 ? 1 : 0;
                histograms[c][d] = histograms[c].GetValueOrDefault(d) + 1;
            }
        }

        for (int c = 0; c < 5; c++)
        {
            output.WriteLine($"{s_columns[c],-9} equal {equal[c]}/{rows.Count} ({100.0 * equal[c] / rows.Count:F1} %), distance histogram: "
                + string.Join(", ", histograms[c].Select(kv => $"{kv.Key}:{kv.Value}")));
        }

        // Our JPEG decoder differs from libjpeg-turbo by a level here and there (and in chroma upsampling). The
        // gray-based hashes must still agree on at least 90 % of files; colorhash, which counts pixels near HSV bin
        // edges, on at least 60 %, and no hash may be off by more than 2 bits. Measured: see the test output.
        for (int c = 0; c < 5; c++)
        {
            double floor = s_columns[c] == "colorhash" ? 0.6 : 0.9;
            Assert.True(equal[c] >= floor * rows.Count, $"{s_columns[c]}: only {equal[c]}/{rows.Count} equal");
            Assert.True(histograms[c].Keys.Max() <= 2, $"{s_columns[c]}: a hash differs by {histograms[c].Keys.Max()} bits");
        }
    }

    private static void Collect(Dictionary<string, string> row, ImageHashes h, string label, List<string> mismatches)
    {
        string[] ours = [h.AHash, h.PHash, h.DHash, h.WHash, h.ColorHash];
        for (int c = 0; c < 5; c++)
        {
            if (ours[c] != row[s_columns[c]])
            {
                mismatches.Add($"{label} {s_columns[c]}: ours {ours[c]} expected {row[s_columns[c]]}");
            }
        }
    }

    private static int BitDistance(string a, string b)
    {
        Assert.Equal(b.Length, a.Length);
        int d = 0;
        for (int i = 0; i < a.Length; i++)
        {
            d += BitOperations.PopCount((uint)(Convert.ToInt32(a[i].ToString(), 16) ^ Convert.ToInt32(b[i].ToString(), 16)));
        }

        return d;
    }
}
