using System.Globalization;
using DataGate.Core;
using DataGate.Core.Analysis;
using Microsoft.ML;

namespace DataGate.ML.Tests;

/// <summary>Same rule file, same verdicts: the ML.NET path against the CLI's engine on the bundled example.</summary>
public sealed class ParityTests
{
    private sealed class PathRow
    {
        public string ImagePath { get; set; } = string.Empty;
    }

    [Fact]
    public void Should_KeepSameImagesWithSameMetrics_When_BundledExampleRunsThroughMlNet()
    {
        string config = Path.Combine(Repo.Root, "datagate.yml");
        string folder = Path.Combine(Repo.Root, "examples", "faces");

        // The CLI's engine: what `datagate check` runs.
        var outcome = GateRunner.Run(config, new GateRunOptions());
        var cli = outcome.Result!;
        var cliKept = cli.Records.Where((r, i) => cli.Verdicts[i].IsKept).Select(r => r.Path).Order(StringComparer.Ordinal).ToList();
        var cliReasons = cli.Records.Select((r, i) => (r.Path, Reason: string.Join(", ", cli.Verdicts[i].ExcludedBy))).ToDictionary(x => x.Path, x => x.Reason);

        // The ML.NET path over the same files.
        var ml = new MLContext(seed: 1);
        var rows = ml.Data.LoadFromEnumerable(cli.Records.Select(r => new PathRow { ImagePath = r.Path }).ToList());
        var rules = DataGateRules.Load(config);
        var model = ml.Transforms.DataGate().ComputeImageMetrics(imageFolder: folder, metrics: "default,eda")
            .Append(ml.Transforms.DataGate().Gate(rules))
            .Fit(rows);
        var table = DataViewTable.Read(model.Transform(rows));
        var mlKept = table.Where(r => r[DataGateColumns.Kept] == "true").Select(r => r["ImagePath"]).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(cliKept, mlKept);
        foreach (var row in table.Where(r => r[DataGateColumns.Error].Length == 0))
        {
            Assert.Equal(cliReasons[row["ImagePath"]], row[DataGateColumns.Reason]);
        }

        // The snapshot of `datagate check`'s kept.csv (byte-identical to the CLI's output, see ExampleOutputsSnapshotTests).
        var snapshot = File.ReadAllLines(Path.Combine(Repo.Root, "tests", "fixtures", "example-outputs", "kept.csv")).Skip(1).Select(l => l.Split(',')[0]).Order(StringComparer.Ordinal);
        Assert.Equal(snapshot, mlKept);

        // Every metric column equals the CLI's value (as a Single).
        var cliRecords = cli.Records.ToDictionary(r => r.Path);
        int compared = 0;
        foreach (var row in table)
        {
            var record = cliRecords[row["ImagePath"]];
            foreach (var metric in MetricCatalog.All.Where(m => !m.IsOptIn))
            {
                float expected = (float)record[metric];
                float actual = float.Parse(row[metric.Name], CultureInfo.InvariantCulture);
                Assert.True(expected.Equals(actual), $"{record.Path} {metric.Name}: CLI {expected:R}, ML.NET {actual:R}");
                compared++;
            }

            foreach (var (key, text) in record.Texts.Where(t => row.ContainsKey(t.Key)))
            {
                Assert.Equal(text, row[key]);
            }
        }

        Assert.True(compared > 250 * 30);
    }
}
