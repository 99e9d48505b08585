using DataGate.Core.Analysis;
using DataGate.Core.Config;
using DataGate.Core.Rules;

namespace DataGate.Core.Tests.Rules;

public sealed class QualityRuleTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dg-rules-").FullName;

    public QualityRuleTests() => Directory.CreateDirectory(Path.Combine(_dir, "images"));

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private GateResult Evaluate(string rules, params double[] sharpness)
    {
        var load = ConfigLoader.Parse("version: 1\ndataset:\n  root: images\nduplicates:\n  exact: off\n  near: off\n" + rules, "datagate.yml", _dir);
        Assert.True(load.Succeeded, string.Join("\n", load.Diagnostics));
        var records = sharpness.Select((v, i) =>
        {
            var r = new ImageRecord($"img{i:D3}.jpg");
            r.ValueSlots[MetricCatalog.LaplacianVariance.Index] = v;
            return r;
        }).ToList();
        return GateEvaluator.Evaluate(load.Config!, new DatasetAnalysis(records, []));
    }

    [Fact]
    public void Should_ExcludeFailingImagesAndPass_When_ActionIsExclude()
    {
        var result = Evaluate("quality:\n  - id: sharp\n    metric: laplacian_variance\n    min: 10\n    action: exclude\n", 5, 50, 8, 100);
        Assert.True(result.Passed);
        Assert.Equal(["img000.jpg", "img002.jpg"], result.Exclusions.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(new GateCounts(4, 2, 2, 0), result.Counts);
        var f = Assert.Single(result.Findings, x => x.Diagnostic.Code == "DG2003");
        Assert.Equal(["img000.jpg", "img002.jpg"], f.Images.Select(i => i.Path)); // worst first: 5 is further below 10 than 8
    }

    [Fact]
    public void Should_FailOnlyBelowMostly_When_FailRuleAllowsAShare()
    {
        const string Rule = "quality:\n  - id: sharp\n    metric: laplacian_variance\n    min: 10\n    action: fail\n    mostly: {0}\n";
        Assert.True(Evaluate(string.Format(System.Globalization.CultureInfo.InvariantCulture, Rule, 0.75), 5, 50, 60, 100).Passed);
        var failed = Evaluate(string.Format(System.Globalization.CultureInfo.InvariantCulture, Rule, 0.8), 5, 50, 60, 100);
        Assert.False(failed.Passed);
        var f = Assert.Single(failed.Findings, x => x.Diagnostic.Code == "DG2001");
        Assert.Equal(0.75, f.Observed);
        Assert.Equal(8, f.Diagnostic.Location!.Line);
    }

    [Fact]
    public void Should_ResolveBoundsOnTheDataset_When_ThresholdsAreRelative()
    {
        // Values 1..100 and 400 (101 values): the 10th percentile (numpy linear) is 11; Q1 = 26, Q3 = 76.
        var values = Enumerable.Range(1, 100).Select(i => (double)i).Append(400).ToArray();
        var result = Evaluate("quality:\n  - id: p\n    metric: laplacian_variance\n    min: { percentile: 10 }\n  - id: fence\n    metric: laplacian_variance\n    max: { iqr_fence: 1.5 }\n", values);
        Assert.Equal(11.0, result.ResolvedBounds["p"].Min, 9);
        var (q1, q3) = (26.0, 76.0);
        Assert.Equal(q3 + (1.5 * (q3 - q1)), result.ResolvedBounds["fence"].Max, 9);
        Assert.Equal(["img100.jpg"], Assert.Single(result.Findings, x => x.Diagnostic.RuleId == "fence").Images.Select(i => i.Path));
    }

    [Fact]
    public void Should_WarnWithoutFailing_When_FailedRuleHasWarningSeverity()
    {
        var result = Evaluate("quality:\n  - id: sharp\n    metric: laplacian_variance\n    min: 10\n    action: fail\n    severity: warning\n", 5, 50);
        Assert.True(result.Passed);
        Assert.Equal(Core.Diagnostics.Severity.Warning, Assert.Single(result.Findings, x => x.Diagnostic.Code == "DG2001").Diagnostic.Severity);
    }

    [Fact]
    public void Should_ReportUnjudgedImages_When_MetricIsUndefined()
    {
        var result = Evaluate("quality:\n  - id: sharp\n    metric: laplacian_variance\n    min: 10\n    action: fail\n", double.NaN, 50);
        Assert.True(result.Passed);
        Assert.Equal(["img000.jpg"], Assert.Single(result.Findings, x => x.Diagnostic.Code == "DG2004").Images.Select(i => i.Path));
    }

    [Fact]
    public void Should_FailGate_When_ExcludedShareExceedsLimit()
    {
        var result = Evaluate("quality:\n  - id: sharp\n    metric: laplacian_variance\n    min: 10\n    action: exclude\ngate:\n  max_excluded_fraction: 0.25\n", 5, 6, 50, 60);
        Assert.False(result.Passed);
        Assert.Equal(0.5, Assert.Single(result.Findings, x => x.Diagnostic.Code == "DG2020").Observed);
    }
}
