using DataGate.Core.Analysis;
using DataGate.Core.Diagnostics;
using DataGate.Core.Rules;
using static DataGate.Core.Tests.Balance.BalanceFixture;

namespace DataGate.Core.Tests.Balance;

public class ParityEvaluatorTests
{
    // 80 male and 60 female images whose colour variance is drawn from N(mean, 300²); the female mean is shifted by
    // `shift` — the planted cue (female backgrounds more colourful).
    private static List<ImageRecord> Dataset(double shift, int seed = 7)
    {
        var rng = new Random(seed);
        double Normal(double mean) => mean + (300 * Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble()));
        var records = new List<ImageRecord>();
        for (int i = 0; i < 140; i++)
        {
            bool female = i % 7 < 3;
            records.Add(Record($"{i}.png", "30", female ? "1" : "0", "0", (MetricCatalog.ColorVariance, Normal(female ? 2000 + shift : 2000))));
        }

        return records;
    }

    private static ParityRuleResult Run(string effect, List<ImageRecord> records)
    {
        var config = BuildConfig($"parity:\n  - id: cue\n    metric: color_variance\n    across: gender\n    max_effect: {{ {effect} }}\n");
        return ParityEvaluator.Evaluate(config.Parity[0], config, records);
    }

    [Theory]
    [InlineData("cohens_d: 0.3")]
    [InlineData("ks: 0.3")]
    [InlineData("auc: 0.65")]
    public void Should_CatchPlantedCue_When_OneGroupIsMoreColourful(string effect)
    {
        var result = Run(effect, Dataset(shift: 600));
        Assert.False(result.Passed);
        var pair = Assert.Single(result.Pairs);
        Assert.Equal(("female", "male", 60, 80), (pair.Higher, pair.Lower, pair.Effects.CountA, pair.Effects.CountB));
        Assert.True(pair.Effects.CohensD > 1, $"d = {pair.Effects.CohensD}");
        Assert.True(pair.Effects.Auc > 0.75, $"AUC = {pair.Effects.Auc}");
        var d = result.Finding!.Diagnostic;
        Assert.Equal(("DG2050", Severity.Error, 11), (d.Code, d.Severity, d.Location!.Line));
        Assert.Contains("color_variance separates 1 pair(s) of gender groups", d.Message, StringComparison.Ordinal);
        Assert.Contains("female > male", d.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cohens_d: 0.3")]
    [InlineData("ks: 0.3")]
    [InlineData("auc: 0.65")]
    public void Should_Pass_When_GroupsShareTheDistribution(string effect)
    {
        var result = Run(effect, Dataset(shift: 0));
        Assert.True(result.Passed, result.Finding?.Diagnostic.Message);
        // d and KS near 0; AUC separation near 0.5 (chance). Each bound is well inside its rule's limit.
        var (low, high) = effect.StartsWith("auc", StringComparison.Ordinal) ? (0.5, 0.6) : (0.0, 0.2);
        Assert.InRange(result.Observed, low, high);
    }

    [Fact]
    public void Should_WarnWithRulePosition_When_GateRunsParityRuleWithWarn()
    {
        var config = BuildConfig("parity:\n  - id: cue\n    metric: color_variance\n    across: gender\n    max_effect: { cohens_d: 0.3 }\n    action: warn\n");
        var result = GateEvaluator.Evaluate(config, new DatasetAnalysis(Dataset(shift: 600), []));
        var finding = Assert.Single(result.Findings, f => f.Diagnostic.Code == "DG2050");
        Assert.Equal(Severity.Warning, finding.Diagnostic.Severity);
        Assert.Equal("datagate.yml", finding.Diagnostic.Location!.File);
        Assert.True(result.Passed);
    }

    [Fact]
    public void Should_CompareEveryPairOfGroups_When_FieldHasManyCategories()
    {
        var records = Dataset(shift: 0);
        for (int i = 0; i < records.Count; i++)
        {
            records[i].LabelSlots["race"] = (i % 3).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var config = BuildConfig("parity:\n  - id: cue\n    metric: color_variance\n    across: race\n    max_effect: { ks: 0.9 }\n");
        var result = ParityEvaluator.Evaluate(config.Parity[0], config, records);
        Assert.Equal(3, result.Pairs.Count);
        Assert.All(result.Pairs, p => Assert.True(p.Effects.CohensD >= 0));
    }
}
