using DataGate.Core.Analysis;
using DataGate.Core.Imaging;
using DataGate.Core.Tests.Support;

namespace DataGate.Core.Tests.Api;

public sealed class MetricSelectionTests
{
    private static ImageRecord Measure(MetricSelection selection)
    {
        var image = GeneratedImages.Noise(32, 32, seed: 11);
        return new ImageMeasurer(selection: selection).MeasurePixels(image.Pixels, 32, 32, 96, PixelLayout.Rgb24, "n");
    }

    [Fact]
    public void Should_ComputeOnlyTheNamedMetric_When_ASingleMetricIsSelected()
    {
        var record = Measure(MetricSelection.Of("laplacian_variance"));
        Assert.False(double.IsNaN(record[MetricCatalog.LaplacianVariance]));
        Assert.True(double.IsNaN(record[MetricCatalog.Entropy]));
        Assert.True(double.IsNaN(record[MetricCatalog.Brisque]));
        Assert.True(double.IsNaN(record[MetricCatalog.Width]));
        Assert.Empty(record.Texts);
        Assert.Empty(record.HashBits);
    }

    [Fact]
    public void Should_ComputeAFamily_When_ItsNameIsSelected()
    {
        var record = Measure(MetricSelection.Of(MetricFamilies.Hashes, MetricFamilies.Header));
        Assert.True(record.Texts.ContainsKey(TextColumns.PHash));
        Assert.True(record.HashBits.ContainsKey(TextColumns.DHash));
        Assert.Equal(32, record[MetricCatalog.Width]);
        Assert.True(double.IsNaN(record[MetricCatalog.LaplacianVariance]));
        Assert.True(double.IsNaN(record[MetricCatalog.Brisque]));
    }

    [Fact]
    public void Should_SelectAColumn_When_ItsNameIsGiven()
    {
        var selection = MetricSelection.Of("phash");
        Assert.True(selection.IncludesColumn(TextColumns.PHash));
        Assert.False(selection.IncludesColumn(TextColumns.AHash));
        Assert.False(selection.Includes(MetricCatalog.Entropy));
    }

    [Fact]
    public void Should_IncludeEveryNonOptInMetric_When_DefaultIsSelected()
    {
        Assert.All(MetricCatalog.All.Where(m => !m.IsOptIn), m => Assert.True(MetricSelection.Default.Includes(m), m.Name));
        Assert.All(TextColumns.All, c => Assert.True(MetricSelection.Default.IncludesColumn(c), c));
        Assert.All(MetricCatalog.All, m => Assert.True(MetricSelection.All.Includes(m), m.Name));
    }

    [Fact]
    public void Should_NameTheUnknown_When_ASelectionNameIsMistyped()
    {
        var ex = Assert.Throws<ArgumentException>(() => MetricSelection.Of("default", "laplacian_varience"));
        Assert.Contains("laplacian_varience", ex.Message, StringComparison.Ordinal);
    }
}
