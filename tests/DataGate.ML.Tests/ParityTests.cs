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

        /// <summary>The gender's display name (not named like the field, so the gate still reads labels from file names).</summary>
        public string GenderName { get; set; } = string.Empty;

        public string RaceName { get; set; } = string.Empty;
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
        var rules = DataGateRules.Load(config);
        string Name(Core.Analysis.ImageRecord r, string field)
            => r.Labels.TryGetValue(field, out var v) && rules.RuleSet.Config.Fields.Single(f => f.Name == field).Names.TryGetValue(v, out var name) ? name : string.Empty;
        var rows = ml.Data.LoadFromEnumerable(cli.Records.Select(r => new PathRow { ImagePath = r.Path, GenderName = Name(r, "gender"), RaceName = Name(r, "race") }).ToList());
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
            foreach (var metric in MetricCatalog.All)
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

        Assert.True(compared > 250 * 40);
        Assert.Contains(table, r => r["eda_brisque"] != "NaN");

        // Split assignment: the rule file's splits: section gives every kept image the split (and fold) of the CLI's
        // train.csv/val.csv/test.csv, duplicate groups in one split.
        var manifests = new Dictionary<string, (string Split, string Fold)>(StringComparer.Ordinal);
        foreach (var split in new[] { "train", "val", "test" })
        {
            var lines = File.ReadAllLines(Path.Combine(Repo.Root, "tests", "fixtures", "example-outputs", split + ".csv"));
            int fold = Array.IndexOf(lines[0].Split(','), "fold");
            foreach (var line in lines.Skip(1))
            {
                var cells = line.Split(',');
                manifests.Add(cells[0], (split, fold < 0 ? "-1" : cells[fold]));
            }
        }

        Assert.Equal(mlKept.Count, manifests.Count);
        var kept = ml.Data.DataGate().FilterKept(model.Transform(rows));
        var result = ml.Data.DataGate().StratifiedSplit(kept, rules);
        Assert.Equal(["train", "val", "test"], result.Names);
        var assigned = new Dictionary<string, (string Split, string Fold)>(StringComparer.Ordinal);
        var groups = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var name in result.Names)
        {
            foreach (var row in DataViewTable.Read(result[name]))
            {
                assigned.Add(row["ImagePath"], (name, row[DataGateColumns.Fold]));
                if (row[DataGateColumns.DuplicateGroup].Length > 0)
                {
                    (groups.TryGetValue(row[DataGateColumns.DuplicateGroup], out var g) ? g : groups[row[DataGateColumns.DuplicateGroup]] = []).Add(name);
                }
            }
        }

        Assert.Equal(manifests.OrderBy(kv => kv.Key, StringComparer.Ordinal), assigned.OrderBy(kv => kv.Key, StringComparer.Ordinal));
        Assert.NotEmpty(groups);
        Assert.All(groups.Values, splits => Assert.Single(splits));
        Assert.Equal(result.Names.Select(n => manifests.Values.Count(v => v.Split == n)), result.Counts);
        Assert.Equal(cli.Splits!.MaxGatedDeviation, result.MaxDeviation, 12);
        Assert.Equal(cli.Splits.Cells.Select(c => (c.Stratum, c.Images, string.Join(",", c.Counts))), result.Cells.Select(c => (c.Stratum, c.Rows, string.Join(",", c.Counts))));

        // The overload with explicit arguments is the same algorithm: the rule file's settings spelled out as columns
        // (display names, as the CLI's cells are named) give the same assignment.
        var ratios = new Dictionary<string, double> { ["train"] = 0.8, ["val"] = 0.1, ["test"] = 0.1 };
        var explicitSplit = ml.Data.DataGate().StratifiedSplit(kept, ratios, stratifyByColumnNames: ["GenderName", "RaceName"], seed: 42);
        var explicitAssigned = explicitSplit.Names
            .SelectMany(n => DataViewTable.Read(explicitSplit[n]).Select(r => (Path: r["ImagePath"], Split: n)))
            .ToDictionary(x => x.Path, x => x.Split, StringComparer.Ordinal);
        Assert.Equal(manifests.ToDictionary(kv => kv.Key, kv => kv.Value.Split).OrderBy(kv => kv.Key, StringComparer.Ordinal), explicitAssigned.OrderBy(kv => kv.Key, StringComparer.Ordinal));
        Assert.Equal(cli.Splits.GroupsKeptTogether, explicitSplit.Plan!.GroupsKeptTogether);
    }
}
