using DataGate.Core.Analysis;
using DataGate.Core.Config;
using DataGate.Core.Imaging;
using DataGate.Core.Rules;

namespace DataGate.Core.Tests.Api;

public sealed class RuleSetTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dg-ruleset-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private RuleSet Load(string body)
    {
        string path = Path.Combine(_dir, "datagate.yml");
        File.WriteAllText(path, "version: 1\n" + body);
        var (rules, diagnostics) = RuleSet.Load(path);
        Assert.True(rules is not null, string.Join("\n", diagnostics));
        return rules!;
    }

    /// <summary>A row measured from in-memory pixels: a flat gray square whose luminance is <paramref name="gray"/>.</summary>
    private static ImageRecord Row(string name, byte gray, int size = 16)
    {
        var pixels = new byte[size * size * 4];
        for (int i = 0; i < pixels.Length; i += 4)
        {
            (pixels[i], pixels[i + 1], pixels[i + 2], pixels[i + 3]) = (gray, gray, gray, 255);
        }

        return new ImageMeasurer(selection: MetricSelection.Of(MetricFamilies.Header, "luminance_mean")).MeasurePixels(pixels, size, size, size * 4, PixelLayout.Bgra32, name);
    }

    private const string DarkRules = "quality:\n  - id: darkest\n    metric: luminance_mean\n    min: { percentile: 50 }\n    action: exclude\ngate:\n  max_excluded_fraction: 1\nduplicates:\n  exact: off\n  near: off\n";

    [Theory]
    [InlineData("", 1.0, false)]
    [InlineData("cleanvision:\n  dark: 0.05\n", 0.0, true)]
    public void Should_FlagWithTheConfiguredThreshold_When_CleanVisionSectionIsGiven(string section, double expectedFlag, bool expectedKept)
    {
        // A flat image of gray 20: dark_score (its 99th brightness percentile) is about 0.08, below cleanvision's 0.32
        // but not below 0.05.
        var rules = Load(section + "quality:\n  - id: not-dark\n    metric: is_dark\n    max: 0\n    action: exclude\ngate:\n  max_excluded_fraction: 1\nduplicates:\n  exact: off\n  near: off\n");
        var measurer = new ImageMeasurer(selection: rules.RequiredMetrics);
        var pixels = Enumerable.Repeat((byte)20, 16 * 16 * 4).ToArray();
        var row = measurer.MeasurePixels(pixels, 16, 16, 16 * 4, PixelLayout.Bgra32, "flat.png");
        var other = measurer.MeasurePixels(pixels, 16, 16, 16 * 4, PixelLayout.Bgra32, "other.png");
        Assert.InRange(row[MetricCatalog.DarkScore], 0.05, 0.32); // a flag's score is measured with it
        Assert.Equal(1.0, row[MetricCatalog.IsDark]); // measured with cleanvision's default threshold

        var fitted = rules.Fit([row]);
        Assert.Equal(expectedKept, fitted.Apply([row]).Verdicts[0].IsKept);
        Assert.Equal(expectedKept, fitted.Apply([other]).Verdicts[0].IsKept);
        var flagged = DatasetMetrics.Apply([row], fences: null, rules.Config.CleanVision);
        Assert.Equal(expectedFlag, flagged[0][MetricCatalog.IsDark]);
        Assert.Equal(1.0, row[MetricCatalog.IsDark]); // the input row is never written
    }

    [Fact]
    public void Should_LoadWithoutDataset_When_RuleFileHasNoDatasetSection()
    {
        var rules = Load(DarkRules);
        Assert.False(rules.Config.Dataset.IsSpecified);
        Assert.Single(rules.Config.Quality);
        Assert.True(rules.RequiredMetrics.Includes(MetricCatalog.LuminanceMean));
        Assert.False(rules.RequiredMetrics.Includes(MetricCatalog.Brisque));
    }

    [Fact]
    public void Should_NameEveryMetricTheRulesRead_When_BundledRuleFileIsLoaded()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "DataGate.sln")))
        {
            dir = dir.Parent;
        }

        var (rules, diagnostics) = RuleSet.Load(Path.Combine(dir.FullName, "datagate.yml"));
        Assert.True(rules is not null, string.Join("\n", diagnostics));
        var required = rules!.RequiredMetrics;
        Assert.All(rules.Config.Quality, q => Assert.True(required.Includes(MetricCatalog.Find(q.Metric)!), q.Metric));
        Assert.All(rules.Config.Parity, p => Assert.True(required.Includes(MetricCatalog.Find(p.Metric)!), p.Metric));
        Assert.True(required.IncludesColumn(TextColumns.DHash));
        Assert.True(required.IncludesColumn(TextColumns.PixelHash));
        Assert.True(required.Includes(MetricCatalog.Brisque)); // keep: best_quality ranks by BRISQUE
    }

    [Fact]
    public void Should_ReportPosition_When_RuleFileWithoutDatasetHasAMistypedKey()
    {
        File.WriteAllText(Path.Combine(_dir, "bad.yml"), "version: 1\nqualty: []\n");
        var (rules, diagnostics) = RuleSet.Load(Path.Combine(_dir, "bad.yml"));
        Assert.Null(rules);
        var d = Assert.Single(diagnostics);
        Assert.Equal("DG1003", d.Code);
        Assert.Equal(2, d.Location!.Line);
    }

    [Fact]
    public void Should_ApplyFittedBoundsToOtherRows_When_FittedOnTrainingRows()
    {
        var rules = Load(DarkRules);
        ImageRecord[] train = [Row("t1", 10), Row("t2", 20), Row("t3", 30), Row("t4", 40), Row("t5", 50)];
        var fitted = rules.Fit(train);
        Assert.Equal(30, fitted.ResolvedBounds["darkest"].Min, 9);
        Assert.Equal([false, false, true, true, true], fitted.Verdicts.Select(v => v.IsKept));

        ImageRecord[] test = [Row("a", 25), Row("b", 35), Row("c", 5)];
        var applied = fitted.Apply(test);
        Assert.Equal([false, true, false], applied.Verdicts.Select(v => v.IsKept));
        Assert.Equal(["darkest"], applied.Verdicts[0].ExcludedBy);
        Assert.Equal(new GateCounts(3, 1, 2, 0), applied.Counts);
        Assert.Equal("b", applied.Kept.Single().Path);
        Assert.All(test, r => Assert.True(double.IsNaN(r[MetricCatalog.OddSizeScore]))); // applied rows are copies; the input is unchanged
    }

    [Fact]
    public void Should_EqualFitThenApply_When_CheckRunsOnTheSameRows()
    {
        var rules = Load(DarkRules);
        ImageRecord[] rows = [Row("a", 10), Row("b", 60), Row("c", 30)];
        var check = rules.Check(rows);
        var twoSteps = rules.Fit(rows).Apply(rows);
        Assert.Equal(check.Verdicts.Select(v => (v.IsKept, string.Join(",", v.ExcludedBy))), twoSteps.Verdicts.Select(v => (v.IsKept, string.Join(",", v.ExcludedBy))));
        Assert.Equal(check.Findings.Select(f => f.Diagnostic), twoSteps.Findings.Select(f => f.Diagnostic));
    }

    [Fact]
    public void Should_FillOddSizeWithoutWritingInput_When_RowsWereMeasuredElsewhere()
    {
        var rules = Load("quality:\n  - id: odd\n    metric: is_odd_size\n    max: 0\n    action: exclude\ngate:\n  max_excluded_fraction: 1\nduplicates:\n  exact: off\n  near: off\n");
        ImageRecord[] rows = [Row("a", 100), Row("b", 100), Row("c", 100), Row("d", 100), Row("huge", 100, size: 400)];
        Assert.All(rows, r => Assert.True(double.IsNaN(r[MetricCatalog.IsOddSize])));

        var result = rules.Check(rows);

        Assert.Equal([true, true, true, true, false], result.Verdicts.Select(v => v.IsKept));
        Assert.Equal(1, result.Records[4][MetricCatalog.IsOddSize]);
        Assert.Equal(0, result.Records[0][MetricCatalog.IsOddSize]);
        Assert.All(rows, r => Assert.True(double.IsNaN(r[MetricCatalog.IsOddSize]))); // the input rows are unchanged
    }

    [Fact]
    public void Should_FindDuplicatesWithoutWritingRows_When_DefaultRuleSetIsFitted()
    {
        var hashed = new ImageRecord[3];
        var measurer = new ImageMeasurer(selection: MetricSelection.Of(MetricFamilies.Header, MetricFamilies.Hashes));
        var gray = new byte[16 * 16 * 3];
        Array.Fill(gray, (byte)100);
        hashed[0] = measurer.MeasurePixels(gray, 16, 16, 48, PixelLayout.Rgb24, "a");
        hashed[1] = measurer.MeasurePixels(gray, 16, 16, 48, PixelLayout.Rgb24, "b");
        Array.Fill(gray, (byte)10);
        hashed[2] = measurer.MeasurePixels(gray, 16, 16, 48, PixelLayout.Rgb24, "c");

        var fitted = RuleSet.Default.Fit(hashed, maxDegreeOfParallelism: 1);

        Assert.Equal("dup-1", fitted.Duplicates.GroupOfImage["a"]);
        Assert.Equal("dup-1", fitted.Duplicates.GroupOfImage["b"]);
        Assert.All(hashed, r => Assert.False(r.Texts.ContainsKey(TextColumns.DuplicateGroup)));
    }

    [Fact]
    public void Should_Stop_When_CancelledBeforeFit()
    {
        var rules = Load(DarkRules);
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => rules.Fit([Row("a", 1), Row("b", 2)], 1, cts.Token));
    }
}
