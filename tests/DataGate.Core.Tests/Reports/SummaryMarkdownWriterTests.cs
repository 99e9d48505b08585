using DataGate.Core.Analysis;
using DataGate.Core.Imaging;
using DataGate.Core.Reports;
using DataGate.Core.Rules;

namespace DataGate.Core.Tests.Reports;

/// <summary>summary.md from a gate result over generated rows: verdict, counts, rule statuses, capped image lists.</summary>
public sealed class SummaryMarkdownWriterTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dg-summary-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private GateResult Check(string rules, int rows)
    {
        string path = Path.Combine(_dir, "datagate.yml");
        File.WriteAllText(path, "version: 1\n" + rules);
        var (ruleSet, diagnostics) = RuleSet.Load(path);
        Assert.True(ruleSet is not null, string.Join("\n", diagnostics));
        var measurer = new ImageMeasurer(selection: MetricSelection.Of(MetricFamilies.Header, "luminance_mean"));
        var records = new List<ImageRecord>();
        for (int i = 0; i < rows; i++)
        {
            // Flat squares of rising gray: luminance_mean is the gray level itself.
            var pixels = Enumerable.Repeat((byte)(10 + (5 * i)), 8 * 8 * 4).ToArray();
            for (int a = 3; a < pixels.Length; a += 4)
            {
                pixels[a] = 255;
            }

            records.Add(measurer.MeasurePixels(pixels, 8, 8, 8 * 4, PixelLayout.Bgra32, $"img{i:D2}.png"));
        }

        return ruleSet!.Check(records);
    }

    private static string Write(GateResult result)
    {
        using var w = new StringWriter { NewLine = "\n" };
        SummaryMarkdownWriter.Write(w, result);
        return w.ToString();
    }

    private const string Tail = "gate:\n  max_excluded_fraction: 1\nduplicates:\n  exact: off\n  near: off\n";

    [Fact]
    public void Should_ListAtMostTheSummaryLimit_When_AFindingNamesMoreImages()
    {
        // luminance 10, 15, … 105: the 18 images below 97 are excluded; summary.md names 10 of them.
        var result = Check("quality:\n  - id: bright\n    metric: luminance_mean\n    min: 97\n    action: exclude\n" + Tail, 20);
        var md = Write(result);
        Assert.StartsWith("# DataGate: PASSED\n", md, StringComparison.Ordinal);
        Assert.Contains("| total | kept | excluded | errored |\n|---:|---:|---:|---:|\n| 20 | 2 | 18 | 0 |\n", md, StringComparison.Ordinal);
        Assert.Contains("| `bright` | luminance_mean must be at least 97; images outside are excluded. | excluded | 18 |\n", md, StringComparison.Ordinal);
        var listed = md.Split('\n').Where(l => l.StartsWith("  - `img", StringComparison.Ordinal)).ToList();
        Assert.Equal(FindingImageLimitsSummary, listed.Count);
        Assert.Equal("  - `img00.png` 10", listed[0]);
        Assert.Contains($"  - … and {18 - FindingImageLimitsSummary} more (see report.json)\n", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_ListEveryImageWithoutMore_When_AFindingIsWithinTheLimit()
    {
        var result = Check("quality:\n  - id: bright\n    metric: luminance_mean\n    min: 20\n    action: warn\n" + Tail, 20);
        var md = Write(result);
        Assert.Contains("| `bright` | luminance_mean must be at least 20; images outside are reported. | flagged | 2 |\n", md, StringComparison.Ordinal);
        Assert.Contains("  - `img00.png` 10\n  - `img01.png` 15\n", md, StringComparison.Ordinal);
        Assert.DoesNotContain("more (see report.json)", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_MarkTheRuleFailedAndEscapePipes_When_AFailRuleFails()
    {
        var result = Check("quality:\n  - id: bright\n    metric: luminance_mean\n    min: 20\n    action: fail\n    description: 'luminance | at least 20'\n" + Tail, 5);
        var md = Write(result);
        Assert.StartsWith("# DataGate: FAILED\n", md, StringComparison.Ordinal);
        Assert.Contains("| `bright` | luminance \\| at least 20 | **failed** | 2 |\n", md, StringComparison.Ordinal);
        Assert.Contains("- **error DG2001** (datagate.yml:3): rule 'bright' failed: 2 of 5 images", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_SayPassedWithoutFindings_When_EveryImagePasses()
    {
        var result = Check("quality:\n  - id: bright\n    metric: luminance_mean\n    min: 1\n    action: exclude\n" + Tail, 3);
        var md = Write(result);
        Assert.Contains("| `bright` | luminance_mean must be at least 1; images outside are excluded. | passed | 0 |\n", md, StringComparison.Ordinal);
        Assert.DoesNotContain("## Findings", md, StringComparison.Ordinal);
    }

    private const int FindingImageLimitsSummary = DataGate.Core.Diagnostics.FindingImageLimits.Summary;
}
