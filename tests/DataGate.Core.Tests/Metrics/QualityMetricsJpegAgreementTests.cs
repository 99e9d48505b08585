using System.Globalization;
using DataGate.Core.Imaging;
using DataGate.Core.Metrics;
using DataGate.Core.Tests.Support;
using Xunit.Abstractions;

namespace DataGate.Core.Tests.Metrics;

/// <summary>
/// With the libjpeg-turbo engine the JPEG originals give Pillow's pixels, so every metric equals the reference as on
/// lossless files. ImageSharp differs from libjpeg-turbo by a level here and there, so with that engine the metrics
/// agree only approximately; this measures and bounds that agreement.
/// </summary>
public class QualityMetricsJpegAgreementTests(ITestOutputHelper output)
{
    [Fact]
    public void Should_MatchPythonReferenceExactly_When_JpegOriginalsAreDecodedByLibJpegTurbo()
    {
        var comparer = new MetricsGoldenComparer();
        int rows = 0;
        foreach (var row in Golden.Metrics.Where(r => r["format"] == "JPEG" && r["error"].Length == 0 && File.Exists(Golden.Image(r["path"]))))
        {
            var image = Golden.Load(Golden.Image(row["path"]), DecodeEngine.LibJpegTurbo);
            comparer.CompareAll(row["path"], row, QualityMetricsCalculator.Compute(image, row["mode"]), 1e-9);
            rows++;
        }

        output.WriteLine($"{rows} JPEG rows\n{comparer.Summary()}");
        Assert.True(rows >= 50, "too few golden JPEGs");
        Assert.True(comparer.Failures == 0, comparer.FailureText());
    }

    [Fact]
    public void Should_AgreeClosely_When_LossyOriginalsAreDecodedByImageSharp()
    {
        var columns = new (string Name, Func<QualityMetrics, double> Get, bool CleanVision)[]
        {
            ("pixel_var_rgb", m => m.ColorVariance, false),
            ("shannon_entropy", m => m.Entropy, false),
            ("laplacian_var", m => m.LaplacianVariance, false),
            ("mean_luma601", m => m.LuminanceMean, false),
            ("fft_blur", m => m.FftBlur, false),
            ("unique_colors", m => m.UniqueColors, false),
            ("brightness_perc_5", m => m.BrightnessP05, true),
            ("brightness_perc_99", m => m.BrightnessP99, true),
            ("blurry_score", m => m.BlurryScore, true),
            ("low_information_score", m => m.LowInformationScore, true),
        };
        var relative = columns.ToDictionary(c => c.Name, _ => new List<double>(), StringComparer.Ordinal);
        foreach (var (row, _) in Golden.DecodedRows())
        {
            if (!row["format"].Equals("JPEG", StringComparison.Ordinal) || row["mode"] is not ("RGB" or "L"))
            {
                continue;
            }

            var m = QualityMetricsCalculator.Compute(Golden.Load(Golden.Image(row["path"]), DecodeEngine.ImageSharp), row["mode"]);
            var cv = MetricsGoldenComparer.CleanVisionRow(row["path"]);
            foreach (var (name, get, isCv) in columns)
            {
                string? text = isCv ? cv?[name] : row[name];
                if (text is null || (name == "fft_blur" && (int.Parse(row["width"], CultureInfo.InvariantCulture) < 120 || int.Parse(row["height"], CultureInfo.InvariantCulture) < 120 || Golden.Number(text) < -100)))
                {
                    continue;
                }

                double expected = Golden.Number(text), actual = get(m);
                relative[name].Add(expected == actual ? 0 : Math.Abs(expected - actual) / Math.Max(Math.Abs(expected), 1e-12));
            }
        }

        foreach (var (name, values) in relative)
        {
            values.Sort();
            double within = values.Count(v => v <= 1e-3) / (double)Math.Max(values.Count, 1);
            output.WriteLine($"{name}: n={values.Count}, within 1e-3 relative {within:P0}, median {Median(values):E1}, max {values.LastOrDefault():E1}");
        }

        Assert.True(relative["laplacian_var"].Count > 20, "too few JPEG rows");

        // Bounds well above what was measured, so a real regression (not decoder noise) fails.
        Assert.True(Median(relative["laplacian_var"]) < 0.02, "Laplacian variance median disagreement too large");
        // Chroma upsampling differs between the decoders, so per-channel statistics move more than luma ones.
        Assert.True(Median(relative["pixel_var_rgb"]) < 0.05, "colour variance median disagreement too large");
        Assert.True(Median(relative["mean_luma601"]) < 1e-3, "mean luminance median disagreement too large");
        Assert.True(Median(relative["shannon_entropy"]) < 1e-2, "entropy median disagreement too large");
        Assert.True(Median(relative["fft_blur"]) < 0.02, "FFT blur median disagreement too large");
    }

    private static double Median(List<double> sorted) => sorted.Count == 0 ? 0 : sorted[sorted.Count / 2];
}
