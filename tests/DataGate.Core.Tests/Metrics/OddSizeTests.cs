using System.Globalization;
using DataGate.Core.Metrics;
using DataGate.Core.Tests.Support;

namespace DataGate.Core.Tests.Metrics;

public class OddSizeTests
{
    [Fact]
    public void Should_MatchCleanVision_When_GoldenDatasetSizesAreScored()
    {
        var sizes = Golden.Metrics.Where(r => r["width"].Length > 0).ToDictionary(r => r["path"], r => (int.Parse(r["width"], CultureInfo.InvariantCulture), int.Parse(r["height"], CultureInfo.InvariantCulture)), StringComparer.Ordinal);
        var rows = Golden.ReadCsv(Path.Combine(Golden.Root, "reference", "cleanvision.csv")).Where(r => r["odd_size_score"].Length > 0).ToList();
        var input = rows.Select(r => sizes[r["path"]]).ToList();

        var scores = OddSize.Scores(input);
        var issues = OddSize.Issues(scores, input);

        Assert.True(rows.Count > 100);
        for (int i = 0; i < rows.Count; i++)
        {
            double expected = Golden.Number(rows[i]["odd_size_score"]);
            Assert.True(Math.Abs(expected - scores[i]) <= 1e-12, $"{rows[i]["path"]}: expected {expected:R}, got {scores[i]:R}");
            Assert.Equal(rows[i]["is_odd_size_issue"] == "True" || rows[i]["is_odd_size_issue"] == "true", issues[i]);
        }
    }

    [Fact]
    public void Should_ScoreOneForAll_When_EveryImageHasTheSameSize()
    {
        var scores = OddSize.Scores([(200, 200), (200, 200), (200, 200)]);
        Assert.All(scores, s => Assert.Equal(1.0, s));
    }

    [Fact]
    public void Should_ScoreOutlierZero_When_OneImageIsFarLarger()
    {
        // sizes 10,10,10,10,1000: Q1 = Q3 = 10, band [10, 10], gap 0 → distance / mid.
        var scores = OddSize.Scores([(10, 10), (10, 10), (10, 10), (10, 10), (1000, 1000)]);
        Assert.Equal(1.0, scores[0]);
        Assert.Equal(0.0, scores[4]);
    }
}
