using DataGate.Core.Metrics;
using DataGate.Core.Tests.Support;
using Xunit.Abstractions;

namespace DataGate.Core.Tests.Metrics;

public class QualityMetricsGoldenTests(ITestOutputHelper output)
{
    private const double Exact = 1e-9;

    [Fact]
    public void Should_MatchPythonReference_When_LosslessGoldenFilesAreMeasured()
    {
        var comparer = new MetricsGoldenComparer();
        int rows = 0;
        foreach (var row in Golden.LosslessRows())
        {
            var image = Golden.Load(Golden.Image(row["path"]));
            comparer.CompareAll(row["path"], row, QualityMetricsCalculator.Compute(image, row["mode"]), Exact);
            rows++;
        }

        output.WriteLine($"{rows} lossless rows\n{comparer.Summary()}");
        Assert.True(rows > 20, "too few lossless golden rows");
        Assert.True(comparer.Failures == 0, comparer.FailureText());
    }

    [Fact]
    public void Should_MatchPythonReference_When_PillowDecodedPixelsOfLossyFilesAreMeasured()
    {
        var comparer = new MetricsGoldenComparer();
        int rows = 0;
        foreach (var (row, png) in Golden.DecodedRows())
        {
            var image = Golden.Load(png);
            comparer.CompareAll(row["path"] + " (Pillow pixels)", row, QualityMetricsCalculator.Compute(image, row["mode"]), Exact);
            rows++;
        }

        output.WriteLine($"{rows} decoded rows\n{comparer.Summary()}");
        Assert.True(rows > 20, "too few decoded golden rows");
        Assert.True(comparer.Failures == 0, comparer.FailureText());
    }
}
