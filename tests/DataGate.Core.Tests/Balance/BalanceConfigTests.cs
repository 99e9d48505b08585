using DataGate.Core.Config;

namespace DataGate.Core.Tests.Balance;

public class BalanceConfigTests
{
    [Fact]
    public void Should_ReadEveryRuleKind_When_SectionsAreValid()
    {
        var config = BalanceFixture.BuildConfig("""
            derived: { luminance_bins: 5 }
            balance:
              - id: share
                field: gender
                min_share: 0.4
              - id: coverage
                field: age_bin
                min_count: 200
                action: warn
              - id: cells
                cross: [age_bin, gender]
                min_count: 50
              - id: ref
                field: race
                reference: { white: 0.40, black: 0.20, asian: 0.15, indian: 0.15, 4: 0.10 }
                max_distance: { chi2_p_value: 0.05 }
              - id: ratio
                field: skin_tone
                max_ratio: 1.25
            parity:
              - id: cue
                metric: color_variance
                across: luminance_bin
                max_effect: { auc: 0.7 }
            """);

        Assert.Equal(5, config.Derived.LuminanceBins);
        Assert.Equal([BalanceRuleKind.MinShare, BalanceRuleKind.MinCount, BalanceRuleKind.MinCount, BalanceRuleKind.Reference, BalanceRuleKind.MaxRatio], config.Balance.Select(b => b.Kind));
        Assert.Equal(RuleAction.Fail, config.Balance[0].Action);
        Assert.Equal(RuleAction.Warn, config.Balance[1].Action);
        Assert.Equal(["age_bin", "gender"], config.Balance[2].Fields);
        Assert.Equal(DistanceMeasure.ChiSquarePValue, config.Balance[3].Distance);
        Assert.Equal(0.10, config.Balance[3].Reference!["others"]); // a code is mapped to its display name
        Assert.Equal(12, config.Balance[0].Location.Line);
        var parity = Assert.Single(config.Parity);
        Assert.Equal(EffectMeasure.Auc, parity.Measure);
        Assert.Equal(0.7, parity.MaxEffect);
        Assert.Equal("luminance_bin", parity.Across);
    }

    [Theory]
    [InlineData("balance:\n  - id: a\n    field: gender\n    min_shares: 0.4\n", "DG1003", 13, 5, "did you mean 'min_share'")]
    [InlineData("balance:\n  - id: a\n    field: gendre\n    min_share: 0.4\n", "DG1013", 12, 12, "did you mean 'gender'")]
    [InlineData("balance:\n  - id: a\n    field: age\n    min_count: 3\n", "DG1013", 12, 12, "'age_bin'")]
    [InlineData("balance:\n  - id: a\n    field: race\n    reference: { white: 0.5, black: 0.4 }\n    max_distance: { kl: 0.1 }\n", "DG1016", 13, 16, "sum to 0.9")]
    [InlineData("balance:\n  - id: a\n    field: race\n    reference: { white: 0.5, martian: 0.5 }\n    max_distance: { kl: 0.1 }\n", "DG1016", 13, 30, "'martian'")]
    [InlineData("quality:\n  - id: a\n    metric: entropy\n    min: 1\nbalance:\n  - id: a\n    field: race\n    min_count: 1\n", "DG1009", 15, 9, "already used at line 11")]
    [InlineData("balance:\n  - id: a\n    cross: [age_bin, gender]\n    max_ratio: 2\n", "DG1018", 13, 5, "cross takes min_count or min_share")]
    [InlineData("balance:\n  - id: a\n    field: race\n", "DG1005", 11, 5, "exactly one of")]
    [InlineData("balance:\n  - id: a\n    field: race\n    min_share: 1.5\n", "DG1008", 13, 16, "between 0 and 1")]
    [InlineData("balance:\n  - id: a\n    field: race\n    min_count: 3\n    action: exclude\n", "DG1008", 14, 13, "fail, warn")]
    [InlineData("parity:\n  - id: p\n    metric: color_variance\n    across: gender\n    max_effect: { auc: 0.3 }\n", "DG1008", 14, 24, "between 0.5 and 1")]
    [InlineData("parity:\n  - id: p\n    metric: colour_variance\n    across: gender\n    max_effect: { ks: 0.3 }\n", "DG1007", 12, 13, "did you mean 'color_variance'")]
    [InlineData("parity:\n  - id: p\n    metric: entropy\n    across: sex\n    max_effect: { ks: 0.3 }\n", "DG1013", 13, 13, "unknown field 'sex'")]
    [InlineData("derived: { luminance_bins: 1 }\n", "DG1008", 10, 28, "between 2 and 20")]
    public void Should_ReportCodeAndPosition_When_SectionIsInvalid(string body, string code, int line, int column, string text)
    {
        var result = BalanceFixture.Parse(body);
        Assert.False(result.Succeeded);
        var d = Assert.Single(result.Diagnostics, x => x.Code == code);
        Assert.Contains(text, d.Message, StringComparison.Ordinal);
        Assert.Equal((line, column), (d.Location!.Line, d.Location.Column));
    }
}
