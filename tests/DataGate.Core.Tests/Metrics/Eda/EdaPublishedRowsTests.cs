using System.Globalization;
using DataGate.Core.Analysis;
using DataGate.Core.Tests.Support;

namespace DataGate.Core.Tests.Metrics.Eda;

/// <summary>
/// reference/seed_published_rows.csv: the ten per-image rows the UTKFace EDA notebook printed (six decimals, four for
/// luminance), the documented target of the eda_* family. The images are real UTKFace files that cannot be shipped
/// (UTKFace's licence), so the values cannot be recomputed here; seed_profile.csv holds the same definitions run on
/// the golden images, which EdaGoldenTests compares. This test keeps the file, its columns and its internal
/// consistency in place.
/// </summary>
public class EdaPublishedRowsTests
{
    private static IReadOnlyList<Dictionary<string, string>> Rows() =>
        Golden.ReadCsv(Path.Combine(Golden.Root, "reference", "seed_published_rows.csv"));

    [Fact]
    public void Should_NameEveryEdaColumn_When_PublishedRowsAreRead()
    {
        var rows = Rows();
        Assert.Equal(10, rows.Count);
        var eda = MetricCatalog.All.Where(m => m.Family == MetricFamilies.Eda).Select(m => m.Name).ToList();
        Assert.Equal(["file", .. eda], rows[0].Keys);
        Assert.All(rows, r => Assert.Matches(@"^\d+_[01]_[0-4]_\d+\.jpg\.chip\.jpg$", r["file"]));
    }

    [Fact]
    public void Should_FitAllThreeLuminanceBinDefinitions_When_PublishedRowsAreChecked()
    {
        // The printed bins fit floor(lum / 51), digitize(lum, [50, 100, 150]) and mean ± 1 std alike (the README's
        // reason for derived.eda_luminance_bins); the first two are checked here, row by row.
        foreach (var r in Rows())
        {
            double lum = double.Parse(r["eda_luminance"], CultureInfo.InvariantCulture);
            double bin = double.Parse(r["eda_luminance_bin"], CultureInfo.InvariantCulture);
            Assert.Equal(Math.Floor(lum / 51), bin);
            Assert.Equal(new[] { 50.0, 100, 150 }.Count(e => e <= lum), bin);
        }
    }

    [Fact]
    public void Should_KeepNotebookScale_When_FirstPublishedRowIsRead()
    {
        // The issue's example: the notebook's Laplacian variance of its first printed image is 256.87 (DataGate's
        // full-resolution laplacian_variance of the same image is 55.25: another scale).
        var first = Rows()[0];
        Assert.Equal("10_0_0_20170110220033115.jpg.chip.jpg", first["file"]);
        Assert.Equal(256.865812, double.Parse(first["eda_laplacian_variance"], CultureInfo.InvariantCulture));
        Assert.Equal(33.980056, double.Parse(first["eda_brisque"], CultureInfo.InvariantCulture));
    }
}
