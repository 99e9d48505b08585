using DataGate.Core.Analysis;
using DataGate.Core.Scanning;
using DataGate.Core.Tests.Support;

namespace DataGate.Core.Tests.Metrics;

/// <summary>The issue flags a cleanvision user knows (is_dark_issue, ...) come out the same from the analyser.</summary>
public class CleanVisionFlagTests
{
    [Fact]
    public void Should_RaiseTheSameIssuesAsCleanVision_When_LosslessGoldenFilesAreAnalysed()
    {
        var cleanvision = Golden.ReadCsv(Path.Combine(Golden.Root, "reference", "cleanvision.csv")).ToDictionary(r => r["path"], StringComparer.Ordinal);
        var flags = new (MetricDefinition Metric, string Column)[]
        {
            (MetricCatalog.IsDark, "is_dark_issue"),
            (MetricCatalog.IsLight, "is_light_issue"),
            (MetricCatalog.IsBlurry, "is_blurry_issue"),
            (MetricCatalog.IsLowInformation, "is_low_information_issue"),
            (MetricCatalog.IsOddAspectRatio, "is_odd_aspect_ratio_issue"),
        };
        var analyzer = new ImageMeasurer();
        int compared = 0;
        int raised = 0;
        foreach (var row in Golden.LosslessRows().Where(r => r["mode"] is "RGB" or "L" && cleanvision.ContainsKey(r["path"])))
        {
            var record = analyzer.Measure(new ScannedFile(row["path"], Golden.Image(row["path"])));
            foreach (var (metric, column) in flags)
            {
                bool expected = string.Equals(cleanvision[row["path"]][column], "true", StringComparison.OrdinalIgnoreCase);
                Assert.True(expected == (record[metric] == 1), $"{row["path"]} {metric.Name}: cleanvision {expected}, ours {record[metric]}");
                compared++;
                raised += expected ? 1 : 0;
            }
        }

        Assert.True(compared > 100 && raised > 3, $"compared {compared} flags, {raised} raised");
    }
}
