using DataGate.Core.Imaging;
using DataGate.Core.Metrics.Eda;
using DataGate.Core.Tests.Support;
using Xunit.Abstractions;

namespace DataGate.Core.Tests.Metrics.Eda;

/// <summary>
/// The eda_* columns on JPEGs decoded by ImageSharp (DataGate's decoder), against seed_profile.csv, which
/// libjpeg-turbo's pixels gave. ImageSharp's IDCT and upsampling differ from libjpeg-turbo by a level here and there,
/// so this reports the agreement per column and bounds it loosely; exactness is EdaGoldenTests' job (decoded PNGs).
/// </summary>
public class EdaJpegAgreementTests
{
    private readonly ITestOutputHelper _output;

    public EdaJpegAgreementTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Should_AgreeClosely_When_JpegsAreDecodedByImageSharp()
    {
        var rows = EdaGolden.Rows().Where(r => EdaGolden.Decoded(r["path"]) is not null && !EdaGolden.DecoderDifferences.ContainsKey(r["path"])).ToList();
        Assert.NotEmpty(rows);
        int n = EdaGolden.Columns.Length;
        var exact = new int[n];
        var worst = new double[n];
        var worstFile = new string[n];
        var all = Enumerable.Range(0, n).Select(_ => new List<double>()).ToArray();
        int compared = 0;
        foreach (var row in rows)
        {
            var original = Path.Combine(EdaGolden.Root, "images", row["path"]);
            var decoded = new SafeImageDecoder(new DecodeOptions { Engine = DecodeEngine.ImageSharp }).DecodeFile(original, Path.GetFileName(original));
            if (!decoded.Succeeded)
            {
                continue;
            }

            compared++;
            var actual = EdaGolden.Values(EdaMetrics.Compute(decoded.Image!, decoded.Facts!.ExifOrientation, PackageBrisqueModel.Embedded));
            for (int c = 0; c < n; c++)
            {
                double expected = Golden.Number(row[EdaGolden.Columns[c]]);
                double rel = Math.Abs(actual[c] - expected) / Math.Max(1, Math.Abs(expected));
                exact[c] += rel <= 1e-9 ? 1 : 0;
                rel = double.IsNaN(rel) ? 0 : rel;
                all[c].Add(rel);
                if (rel > worst[c])
                {
                    worst[c] = rel;
                    worstFile[c] = row["path"];
                }
            }
        }

        _output.WriteLine($"{compared} lossy files decoded by ImageSharp: column | within 1e-9 | median relative difference | worst (file)");
        var median = new double[n];
        for (int c = 0; c < n; c++)
        {
            all[c].Sort();
            median[c] = all[c][all[c].Count / 2];
            _output.WriteLine($"{EdaGolden.Columns[c]} | {exact[c]}/{compared} | {median[c]:G3} | {worst[c]:G3} ({worstFile[c]})");
        }

        // Measured with ImageSharp 2.1.13 on the golden set (66 files with the photos): medians luminance 6.5e-5,
        // variance 1.4 % (chroma upsampling differs from libjpeg-turbo's), Laplacian 2.2 %, BRISQUE 5.8 %; worst
        // BRISQUE 57 % on one face. The bounds are about 2-3x the medians: they catch a broken decode, not the
        // decoder difference, which only the libjpeg-turbo engine removes.
        Assert.True(median[Array.IndexOf(EdaGolden.Columns, "eda_luminance")] < 2e-4, "eda_luminance");
        Assert.True(median[Array.IndexOf(EdaGolden.Columns, "eda_variance")] < 0.04, "eda_variance");
        Assert.True(median[Array.IndexOf(EdaGolden.Columns, "eda_brisque")] < 0.15, "eda_brisque");
    }

    /// <summary>
    /// With the libjpeg-turbo engine the JPEG's pixels are Pillow's, so every eda column equals, bit for bit, the value
    /// computed from the Pillow-decoded PNG — which <see cref="EdaGoldenTests"/> holds to seed_profile.csv.
    /// </summary>
    [Fact]
    public void Should_EqualThePillowDecodedValues_When_JpegsAreDecodedByLibJpegTurbo()
    {
        var rows = EdaGolden.Rows().Where(r => EdaGolden.Decoded(r["path"]) is not null && !EdaGolden.DecoderDifferences.ContainsKey(r["path"])).ToList();
        var turbo = new SafeImageDecoder(new DecodeOptions { Engine = DecodeEngine.LibJpegTurbo });
        var plain = new SafeImageDecoder(new DecodeOptions { Engine = DecodeEngine.ImageSharp });
        int compared = 0;
        foreach (var row in rows)
        {
            var original = Path.Combine(EdaGolden.Root, "images", row["path"]);
            if (!original.EndsWith(".jpg", StringComparison.OrdinalIgnoreCase) && !original.EndsWith(".jpeg", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var decoded = turbo.DecodeFile(original, Path.GetFileName(original));
            if (!decoded.Succeeded)
            {
                continue;
            }

            var pillow = plain.DecodeFile(EdaGolden.Decoded(row["path"])!, "decoded.png");
            Assert.True(pillow.Succeeded, row["path"]);
            compared++;
            int orientation = decoded.Facts!.ExifOrientation;
            var actual = EdaGolden.Values(EdaMetrics.Compute(decoded.Image!, orientation, PackageBrisqueModel.Embedded));
            var expected = EdaGolden.Values(EdaMetrics.Compute(pillow.Image!, orientation, PackageBrisqueModel.Embedded));
            for (int c = 0; c < actual.Length; c++)
            {
                Assert.True(actual[c].Equals(expected[c]), $"{row["path"]} {EdaGolden.Columns[c]}: libjpeg-turbo {actual[c]:R} vs Pillow-decoded {expected[c]:R}");
            }
        }

        _output.WriteLine($"{compared} golden JPEGs: every eda column equal to the Pillow-decoded value");
        Assert.True(compared >= 20, $"only {compared} JPEGs compared");
    }
}
