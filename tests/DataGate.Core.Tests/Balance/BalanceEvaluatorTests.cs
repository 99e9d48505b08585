using DataGate.Core.Analysis;
using DataGate.Core.Diagnostics;
using DataGate.Core.Rules;
using static DataGate.Core.Tests.Balance.BalanceFixture;

namespace DataGate.Core.Tests.Balance;

public class BalanceEvaluatorTests
{
    // 60 male + 40 female (ages 5/15/25 in turn), 5 without any label.
    private static List<ImageRecord> Base() => Binned(Many("m", 60, "0").Concat(Many("f", 40, "1")).Concat(Enumerable.Range(0, 5).Select(i => Record($"x{i}.png", null, null, null))));

    private static BalanceRuleResult Run(string rule, List<ImageRecord> records)
    {
        var config = BuildConfig("balance:\n" + rule);
        return BalanceEvaluator.Evaluate(config.Balance[0], config, records);
    }

    [Fact]
    public void Should_Pass_When_EveryShareReachesMinShare()
    {
        var result = Run("  - id: s\n    field: gender\n    min_share: 0.4\n", Base());
        Assert.True(result.Passed);
        Assert.Null(result.Finding);
        Assert.Equal(0.4, result.Observed, 12);
        Assert.Equal((105, 100), (result.Total, result.Labelled));
    }

    [Fact]
    public void Should_NameGroupAndCountMissing_When_ShareIsBelowMinShare()
    {
        var result = Run("  - id: s\n    field: gender\n    min_share: 0.45\n", Base());
        Assert.False(result.Passed);
        var d = result.Finding!.Diagnostic;
        Assert.Equal(("DG2040", Severity.Error, "s"), (d.Code, d.Severity, d.RuleId));
        Assert.Contains("female 40.0 % (40 of 100)", d.Message, StringComparison.Ordinal);
        Assert.Contains("5 of 105 kept images have no usable gender (5 missing, 0 undeclared", d.Message, StringComparison.Ordinal);
        Assert.Equal(11, d.Location!.Line);
        Assert.Equal([false, true], result.Cells.Select(c => c.Offending));
    }

    [Fact]
    public void Should_ReportEmptyCategory_When_BinHasFewerThanMinCount()
    {
        var result = Run("  - id: c\n    field: age_bin\n    min_count: 30\n    action: warn\n", Base());
        Assert.False(result.Passed);
        Assert.Equal(Severity.Warning, result.Finding!.Diagnostic.Severity);
        Assert.Contains("1 of 4 age_bin categories hold fewer than 30 images: 30-inf 0", result.Finding.Diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal([34L, 33, 33, 0], result.Cells.Select(c => c.Count));
    }

    [Fact]
    public void Should_Pass_When_EveryBinHasMinCount()
    {
        var records = Base();
        records.AddRange(Binned(Enumerable.Range(0, 30).Select(i => Record($"old{i}.png", "35", (i % 2).ToString(System.Globalization.CultureInfo.InvariantCulture), "0"))));
        var result = Run("  - id: c\n    field: age_bin\n    min_count: 30\n", records);
        Assert.True(result.Passed, result.Finding?.Diagnostic.Message);
        Assert.Equal(30, result.Observed);
    }

    [Fact]
    public void Should_NameCells_When_CrossedCellsAreBelowMinCount()
    {
        var result = Run("  - id: x\n    cross: [age_bin, gender]\n    min_count: 14\n", Base());
        Assert.False(result.Passed);
        Assert.Equal(8, result.Cells.Count);
        Assert.Equal(["10-20 × female", "20-30 × female", "30-inf × male", "30-inf × female"], result.Cells.Where(c => c.Offending).Select(c => c.Key));
        Assert.Contains("4 of 8 cells of age_bin × gender hold fewer than 14 images: 30-inf × male 0, 30-inf × female 0, 10-20 × female 13, 20-30 × female 13", result.Finding!.Diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Pass_When_EveryCrossedCellHasMinCount()
    {
        var records = Base();
        records.AddRange(Binned(Enumerable.Range(0, 30).Select(i => Record($"old{i}.png", "35", (i % 2).ToString(System.Globalization.CultureInfo.InvariantCulture), "0"))));
        var result = Run("  - id: x\n    cross: [age_bin, gender]\n    min_count: 13\n", records);
        Assert.True(result.Passed, result.Finding?.Diagnostic.Message);
    }

    [Theory]
    [InlineData("total_variation: 0.05", "white: 0.5, black: 0.3, asian: 0.2", true)]
    [InlineData("total_variation: 0.1", "white: 0.2, black: 0.3, asian: 0.5", false)]
    [InlineData("kl: 0.01", "white: 0.5, black: 0.3, asian: 0.2", true)]
    [InlineData("kl: 0.1", "white: 0.2, black: 0.3, asian: 0.5", false)]
    [InlineData("chi2_p_value: 0.05", "white: 0.5, black: 0.3, asian: 0.2", true)]
    [InlineData("chi2_p_value: 0.05", "white: 0.2, black: 0.3, asian: 0.5", false)]
    public void Should_CompareWithReference_When_RuleHasMaxDistance(string distance, string reference, bool passes)
    {
        var records = Many("w", 50, "0", "0").Concat(Many("b", 30, "0", "1")).Concat(Many("a", 20, "1", "2")).ToList();
        var result = Run($"  - id: r\n    field: race\n    reference: {{ {reference} }}\n    max_distance: {{ {distance} }}\n", records);
        Assert.Equal(passes, result.Passed);
        Assert.NotNull(result.Comparison);
        if (!passes)
        {
            Assert.Contains("observed vs reference: asian 20.0 % vs 50.0 %, white 50.0 % vs 20.0 %, black 30.0 % vs 30.0 %", result.Finding!.Diagnostic.Message, StringComparison.Ordinal);
            Assert.Equal(["asian"], result.Cells.Where(c => c.Offending).Select(c => c.Key));
        }
    }

    [Theory]
    [InlineData(1.5, true)]
    [InlineData(1.25, false)]
    public void Should_BoundLargestOverSmallest_When_RuleHasMaxRatio(double bound, bool passes)
    {
        var result = Run($"  - id: q\n    field: gender\n    max_ratio: {bound.ToString(System.Globalization.CultureInfo.InvariantCulture)}\n", Base());
        Assert.Equal(passes, result.Passed);
        Assert.Equal(1.5, result.Observed, 12);
        if (!passes)
        {
            Assert.Contains("male/female = 60/40 = 1.5 exceeds 1.25", result.Finding!.Diagnostic.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Should_CountUndeclaredValues_When_CategoryIsNotInNames()
    {
        var records = Base();
        records.Add(Record("odd.png", "5", "7", "0"));
        var result = Run("  - id: s\n    field: gender\n    min_share: 0.45\n", records);
        Assert.Equal((106, 100), (result.Total, result.Labelled));
        Assert.Equal(new FieldCoverage("gender", 5, 1), Assert.Single(result.Coverage));
    }

    [Fact]
    public void Should_CountOnlyKeptImages_When_QualityRuleExcludesSome()
    {
        // Balanced 50/50, but 20 female images are dark and excluded: 50 male vs 30 female remain.
        var records = Many("m", 50, "0").Concat(Many("f", 50, "1")).ToList();
        for (int i = 0; i < records.Count; i++)
        {
            records[i].ValueSlots[MetricCatalog.LuminanceMean.Index] = records[i].Path.StartsWith('f') && i % 50 < 20 ? 10 : 120;
        }

        var config = BuildConfig("quality:\n  - id: dark\n    metric: luminance_mean\n    min: 40\n    action: exclude\nbalance:\n  - id: s\n    field: gender\n    min_share: 0.45\n");
        var result = GateEvaluator.Evaluate(config, new DatasetAnalysis(records, []));
        Assert.Equal(80, result.Counts.Kept);
        var finding = Assert.Single(result.Findings, f => f.Diagnostic.Code == "DG2040");
        Assert.Contains("female 37.5 % (30 of 80)", finding.Diagnostic.Message, StringComparison.Ordinal);
        Assert.False(result.Passed);
    }
}
