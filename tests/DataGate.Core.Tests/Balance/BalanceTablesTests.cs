using System.Text.Json;
using DataGate.Core.Analysis;
using DataGate.Core.Config;
using DataGate.Core.Labels;
using DataGate.Core.Reports;
using DataGate.Core.Rules;
using DataGate.Core.Tests.Statistics;
using DataGate.Core.Tests.Support;

namespace DataGate.Core.Tests.Balance;

public sealed class BalanceTablesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dg-tables-").FullName;

    public BalanceTablesTests() => Directory.CreateDirectory(Path.Combine(_dir, "images"));

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    // The golden labels.csv read through the real label pipeline (CSV manifest → labels → bins) onto records.
    private (GateConfig Config, List<ImageRecord> Records) GoldenLabels()
    {
        var csv = Path.Combine(Golden.Root, "labels", "labels.csv");
        var yaml = $"""
            version: 1
            dataset:
              root: images
              labels:
                csv: {"{"} path: '{csv}' {"}"}
            fields:
              age: {"{"} type: integer, bins: [0, 10, 20, 30, 40, 50, 60, 70, 80, 90] {"}"}
              gender: {"{"} type: category, names: {"{"} 0: Male, 1: Female {"}"} {"}"}
              race: {"{"} type: category, names: {"{"} 0: White, 1: Black, 2: Asian, 3: Indian, 4: Others {"}"} {"}"}
            """;
        var load = ConfigLoader.Parse(yaml.ReplaceLineEndings("\n"), "datagate.yml", _dir);
        Assert.True(load.Succeeded, string.Join("\n", load.Diagnostics));
        var (records, diagnostics) = LabelResolver.Resolve(load.Config!, LabelsFixture.Rows.Select(r => new ImageRecord(r["file"])).ToList());
        Assert.Empty(diagnostics);
        return (load.Config!, [.. records]);
    }

    [Fact]
    public void Should_ReproducePandasAgeByGender_When_GoldenLabelsAreReadIntoRecords()
    {
        var (config, records) = GoldenLabels();
        var tables = BalanceTables.Compute(config, records);

        var summary = Assert.Single(tables.FieldSummaries, s => s.Variable == "age" && s.By == "gender").Table;
        var golden = LabelsFixture.Table("age_by_gender.csv");
        Assert.Equal(["Male", "Female", "All"], summary.Columns);
        var rows = summary.Rows();
        Assert.Equal(golden.Select(r => r["statistic"]), rows.Select(r => r.Statistic));
        for (int r = 0; r < rows.Count; r++)
        {
            for (int c = 0; c < summary.Columns.Count; c++)
            {
                LabelsFixture.AssertRelative(Golden.Number(golden[r][summary.Columns[c]]), rows[r].Values[c], 1e-9, $"{rows[r].Statistic}/{summary.Columns[c]}");
            }
        }
    }

    [Theory]
    [InlineData("age_bin", "age_bin_by_gender.csv")]
    [InlineData("race", "race_by_gender.csv")]
    public void Should_ReproducePandasCrosstab_When_GoldenLabelsAreReadIntoRecords(string rowField, string goldenFile)
    {
        var (config, records) = GoldenLabels();
        var tables = BalanceTables.Compute(config, records);

        var table = Assert.Single(tables.CrossTabs, x => x.Rows == rowField && x.Columns == "gender").Table;
        var golden = LabelsFixture.Table(goldenFile);
        Assert.Equal(golden.Count, table.RowLabels.Count);
        foreach (var g in golden)
        {
            int r = table.RowLabels.ToList().IndexOf(g[rowField]);
            Assert.True(r >= 0, g[rowField]);
            Assert.Equal(long.Parse(g["Male"], System.Globalization.CultureInfo.InvariantCulture), table.Count(r, 0));
            Assert.Equal(long.Parse(g["Female"], System.Globalization.CultureInfo.InvariantCulture), table.Count(r, 1));
            Assert.Equal(long.Parse(g["Total"], System.Globalization.CultureInfo.InvariantCulture), table.RowTotal(r));
        }
    }

    [Fact]
    public void Should_WriteBalanceSectionIntoReportJson_When_RunHasRules()
    {
        var config = BalanceFixture.BuildConfig("balance:\n  - id: s\n    field: gender\n    min_share: 0.45\nparity:\n  - id: p\n    metric: entropy\n    across: gender\n    max_effect: { ks: 0.5 }\n");
        var records = BalanceFixture.Binned(BalanceFixture.Many("m", 60, "0").Concat(BalanceFixture.Many("f", 40, "1")));
        for (int i = 0; i < records.Count; i++)
        {
            records[i].ValueSlots[MetricCatalog.Entropy.Index] = records[i].Path.StartsWith('f') ? 7 + (i % 5 * 0.01) : 5 + (i % 5 * 0.01);
            records[i].ValueSlots[MetricCatalog.LuminanceMean.Index] = i;
            records[i].ValueSlots[MetricCatalog.SkinToneIta.Index] = i % 2 == 0 ? 60 : -40;
        }

        var (derived, _) = DerivedFields.Derive(config, records);
        var result = GateEvaluator.Evaluate(config, new DatasetAnalysis(derived, []));
        var section = BalanceSection.Create(result);
        using var stream = new MemoryStream();
        ReportJsonWriter.Write(stream, result, [section]);
        var balance = JsonDocument.Parse(stream.ToArray()).RootElement.GetProperty("balance");

        Assert.Equal(100, balance.GetProperty("images").GetInt32());
        var rules = balance.GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(["failed", "failed"], rules.Select(r => r.GetProperty("status").GetString()));
        Assert.Equal(1.0, rules[1].GetProperty("pairs")[0].GetProperty("ks").GetDouble());
        Assert.Contains(balance.GetProperty("metric_summaries").EnumerateArray(), s => s.GetProperty("variable").GetString() == "entropy" && s.GetProperty("by").GetString() == "skin_tone");
        var top = balance.GetProperty("cue_scan")[0];
        Assert.Equal(("entropy", "gender"), (top.GetProperty("metric").GetString(), top.GetProperty("field").GetString()));
        Assert.DoesNotContain(balance.GetProperty("cue_scan").EnumerateArray(), e => e.GetProperty("field").GetString() is "luminance_bin" or "skin_tone");

        var md = new StringWriter();
        section.WriteMarkdown(md);
        Assert.Contains("### entropy by gender", md.ToString(), StringComparison.Ordinal);
        Assert.Contains("| `s` |", md.ToString(), StringComparison.Ordinal);
    }
}
