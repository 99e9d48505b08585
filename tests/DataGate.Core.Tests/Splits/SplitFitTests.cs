using DataGate.Core.Analysis;
using DataGate.Core.Reports;
using DataGate.Core.Rules;
using DataGate.Core.Splits;

namespace DataGate.Core.Tests.Splits;

public sealed class SplitFitTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dg-splitfit-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private RuleSet Load(string splits)
    {
        string path = Path.Combine(_dir, "datagate.yml");
        File.WriteAllText(path, "version: 1\nfields:\n  gender: { type: category }\n  subject: { type: category }\nduplicates:\n  exact: off\n  near: off\n" + splits);
        var (rules, diagnostics) = RuleSet.Load(path);
        Assert.True(rules is not null, string.Join("\n", diagnostics));
        return rules!;
    }

    private static List<ImageRecord> Rows(int n, int seed)
    {
        var rng = new Random(seed);
        var rows = new List<ImageRecord>(n);
        for (int i = 0; i < n; i++)
        {
            var r = new ImageRecord($"img/{i:D5}.jpg");
            r.LabelSlots["gender"] = rng.Next(2) == 0 ? "f" : "m";
            r.LabelSlots["subject"] = "s" + (i / 3).ToString(System.Globalization.CultureInfo.InvariantCulture);
            rows.Add(r);
        }

        return rows;
    }

    private const string Splits = "splits:\n  ratios: { train: 0.8, val: 0.1, test: 0.1 }\n  stratify_by: [gender]\n  group_by: [subject]\n  folds: 3\n  min_cell_images: 20\n";

    [Fact]
    public void Should_GiveTheSameAssignment_When_FittedWithDifferentThreadCounts()
    {
        var rules = Load(Splits);
        var rows = Rows(3_000, 1);
        var one = rules.Fit(rows, maxDegreeOfParallelism: 1).Splits!;
        var four = rules.Fit(rows, maxDegreeOfParallelism: 4).Splits!;
        Assert.Equal(one.SplitOf, four.SplitOf);
        Assert.Equal(one.FoldOf, four.FoldOf);
        Assert.Equal(3_000, one.SplitOf.Count);
    }

    [Fact]
    public void Should_CarrySplitsIntoTheResultAndKeepSubjectsTogether_When_Checked()
    {
        var rules = Load(Splits);
        var rows = Rows(600, 2);
        var result = rules.Check(rows);
        var plan = result.Splits!;
        Assert.Equal(result.Kept.Select(r => r.Path), plan.Keys);
        foreach (var subject in result.Kept.Select((r, i) => (r.Labels["subject"], plan.SplitOf[i], plan.FoldOf[i])).GroupBy(x => x.Item1))
        {
            Assert.Single(subject.Select(x => (x.Item2, x.Item3)).Distinct());
        }

        Assert.Equal(["f", "m"], plan.Cells.Select(c => c.Stratum));
    }

    [Fact]
    public void Should_ReportDG3015AndWriteNoSplits_When_LockIsUnreadable()
    {
        File.WriteAllText(Path.Combine(_dir, "splits.lock"), "not,a,lock\n");
        var rules = Load(Splits + "  lock: splits.lock\n");
        var result = rules.Check(Rows(100, 3));
        Assert.Null(result.Splits);
        Assert.False(result.Passed);
        var d = Assert.Single(result.Findings).Diagnostic;
        Assert.Equal("DG3015", d.Code);
        Assert.Equal(1, d.Location!.Line);
    }

    [Fact]
    public void Should_WriteManifestsAndReportSection_When_OutputsAreWritten()
    {
        var rules = Load(Splits);
        var result = rules.Check(Rows(300, 4));
        var outDir = Path.Combine(_dir, "out");
        var (written, error) = ReportSet.WriteAll(outDir, result, GateRunner.Sections(result));
        Assert.Null(error);
        var splits = written.Where(f => f.Kind == ReportFileKind.Split).ToList();
        Assert.Equal(["train", "val", "test"], splits.Select(f => f.Name));
        var lines = splits.Select(f => File.ReadAllLines(f.Path)).ToList();
        Assert.Equal("path,gender,subject,group,fold", lines[0][0]);
        Assert.Equal("path,gender,subject,group", lines[1][0]);
        Assert.Equal(300, lines.Sum(l => l.Length - 1));
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "report.json")));
        Assert.Equal(2, json.RootElement.GetProperty("schema_version").GetInt32());
        var section = json.RootElement.GetProperty("splits");
        Assert.Equal(300, section.GetProperty("images").GetInt32());
        Assert.Equal(2, section.GetProperty("cells").GetArrayLength());
        Assert.Equal(3, section.GetProperty("fold_counts").GetArrayLength());
        Assert.Contains("## Splits", File.ReadAllText(Path.Combine(outDir, "summary.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_KeepEveryOldImageInItsSplit_When_LockIsWrittenAndDataGrows()
    {
        var rules = Load(Splits + "  lock: splits.lock\n");
        var old = Rows(1_000, 5);
        var first = rules.Check(old);
        Assert.Null(GateRunner.WriteSplitLock(first));
        var lockText = File.ReadAllText(Path.Combine(_dir, "splits.lock"));
        Assert.StartsWith("# DataGate split lock", lockText, StringComparison.Ordinal);

        var grown = old.Concat(Rows(1_100, 6).Skip(1_000).Select(r =>
        {
            var copy = new ImageRecord("new/" + r.Path);
            foreach (var (k, v) in r.Labels)
            {
                copy.LabelSlots[k] = v;
            }

            return copy;
        })).ToList();
        var second = rules.Check(grown).Splits!;
        var before = first.Splits!;
        for (int i = 0; i < old.Count; i++)
        {
            Assert.Equal(before.SplitOf[i], second.SplitOf[second.Keys.ToList().IndexOf(old[i].Path)]);
        }

        Assert.Equal(1_000, second.LockedRows);
    }
}
