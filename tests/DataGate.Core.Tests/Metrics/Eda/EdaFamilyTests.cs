using DataGate.Core.Analysis;
using DataGate.Core.Config;
using DataGate.Core.Imaging;
using DataGate.Core.Labels;

namespace DataGate.Core.Tests.Metrics.Eda;

public class EdaFamilyTests
{
    private static readonly MetricDefinition[] s_eda = [.. MetricCatalog.All.Where(m => m.Family == MetricFamilies.Eda)];

    private static byte[] Solid(int w, int h, byte r, byte g, byte b)
    {
        var p = new byte[w * h * 3];
        for (int i = 0; i < p.Length; i += 3)
        {
            p[i] = r;
            p[i + 1] = g;
            p[i + 2] = b;
        }

        return p;
    }

    private static ImageRecord Measure(byte[] rgb, int w, int h, MetricSelection? selection) =>
        new ImageMeasurer(selection: selection).MeasurePixels(rgb, w, h, w * 3, PixelLayout.Rgb24, "x.png");

    private static GateConfig Parse(string yaml)
    {
        var load = ConfigLoader.Parse("version: 1\n" + yaml, "datagate.yml", Path.GetTempPath(), requireDataset: false);
        Assert.True(load.Config is not null, string.Join("\n", load.Diagnostics));
        return load.Config!;
    }

    [Fact]
    public void Should_BeOptInFamilyOfEightMetrics_When_CatalogIsListed()
    {
        Assert.Equal(["eda_variance", "eda_unique_colors", "eda_entropy", "eda_brisque", "eda_laplacian_variance", "eda_fft_blur", "eda_luminance", "eda_luminance_bin"], s_eda.Select(m => m.Name));
        Assert.All(s_eda, m => Assert.True(m.IsOptIn));
        Assert.DoesNotContain(s_eda, MetricSelection.Default.Includes);
    }

    [Fact]
    public void Should_LeaveEdaNaN_When_DefaultSelectionMeasures()
    {
        var record = Measure(Solid(40, 30, 200, 100, 50), 40, 30, null);
        Assert.All(s_eda, m => Assert.True(double.IsNaN(record[m]), m.Name));
        Assert.False(double.IsNaN(record[MetricCatalog.LaplacianVariance]));
    }

    [Fact]
    public void Should_GiveKnownValues_When_ImageIsSolidColour()
    {
        var record = Measure(Solid(40, 30, 200, 100, 50), 40, 30, MetricSelection.Of("eda"));
        Assert.Equal(0, record[MetricCatalog.EdaVariance]);
        Assert.Equal(1, record[MetricCatalog.EdaUniqueColors]);
        Assert.Equal(Math.Log2(3), record[MetricCatalog.EdaEntropy], 12);
        Assert.Equal(0, record[MetricCatalog.EdaLaplacianVariance]);
        Assert.Equal(0, record[MetricCatalog.EdaFftBlur], 12);

        // eda_brisque of a flat image hangs on round-off signs (NaN when no MSCN value is negative); the golden
        // test checks it on the golden flat images, whose reference is NaN.

        // BGR2GRAY: (9798·200 + 19235·100 + 3735·50 + 16384) >> 15 = 124.
        Assert.Equal(124, record[MetricCatalog.EdaLuminance]);
        Assert.Equal(2, record[MetricCatalog.EdaLuminanceBin]);
        Assert.True(double.IsNaN(record[MetricCatalog.LaplacianVariance]), "only the selected family is computed");
    }

    [Fact]
    public void Should_UseSwappedGrayForLaplacian_When_ImageHasRedStripes()
    {
        // Red and black columns. The notebook's Laplacian gray is cvtColor(RGB2GRAY) on BGR data: red gets the blue
        // weight, (3735·255 + 16384) >> 15 = 29, so the Laplacian is ±2·29 everywhere (variance 58²); the true gray
        // (76 for red) would give 152². The luminance uses the true gray: mean of 76 and 0.
        var rgb = new byte[100 * 100 * 3];
        for (int y = 0; y < 100; y++)
        {
            for (int x = 0; x < 100; x += 2)
            {
                rgb[((y * 100) + x) * 3] = 255;
            }
        }

        var record = Measure(rgb, 100, 100, MetricSelection.Of("eda"));
        Assert.Equal(58 * 58, record[MetricCatalog.EdaLaplacianVariance]);
        Assert.Equal(38, record[MetricCatalog.EdaLuminance]);
        Assert.Equal(2, record[MetricCatalog.EdaUniqueColors]);
    }

    [Fact]
    public void Should_ComputeEdaFamily_When_ARuleReadsOneEdaMetric()
    {
        var config = Parse("quality:\n  - id: blur\n    metric: eda_laplacian_variance\n    min: 17.44\n    action: warn\n");
        var selection = DatasetAnalyzer.SelectionFor(config, null);
        Assert.All(s_eda, m => Assert.True(selection.Includes(m), m.Name));
        Assert.DoesNotContain(s_eda, DatasetAnalyzer.SelectionFor(Parse("quality: []\n"), null).Includes);
    }

    [Theory]
    [InlineData("[50, 100, 150]", new double[] { 0, 1, 2, 3 })]
    [InlineData("floor51", new double[] { 0, 1, 2, 3 })]
    [InlineData("mean_std", new double[] { 0, 1, 1, 2 })]
    public void Should_BinEdaLuminance_When_EdgesAreConfigured(string setting, double[] expected)
    {
        var config = Parse($"derived:\n  eda_luminance_bins: {setting}\n");
        var records = new[] { 30, 90, 120, 200 }.Select(v => Measure(Solid(8, 8, (byte)v, (byte)v, (byte)v), 8, 8, MetricSelection.Of("eda"))).ToList();
        var (derived, _) = DerivedFields.Derive(config, records);
        Assert.Equal(expected, derived.Select(r => r[MetricCatalog.EdaLuminanceBin]));
        Assert.Equal([0, 1, 2, 3], records.Select(r => r[MetricCatalog.EdaLuminanceBin])); // input records untouched
    }

    [Theory]
    [InlineData("[100, 50]")]
    [InlineData("quartiles")]
    [InlineData("[]")]
    public void Should_ReportDG1029_When_LuminanceBinEdgesAreInvalid(string setting)
    {
        var load = ConfigLoader.Parse($"version: 1\nderived:\n  eda_luminance_bins: {setting}\n", "datagate.yml", Path.GetTempPath(), requireDataset: false);
        Assert.Null(load.Config);
        var d = Assert.Single(load.Diagnostics, d => d.Code == "DG1029");
        Assert.Equal(3, d.Location?.Line);
    }
}
