using DataGate.Core.Analysis;
using DataGate.Core.Config;
using DataGate.Core.Duplicates;
using DataGate.Core.Rules;

namespace DataGate.Core.Tests.Duplicates;

public sealed class DuplicatePolicyTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dg-dup-").FullName;

    public DuplicatePolicyTests() => Directory.CreateDirectory(Path.Combine(_dir, "images"));

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private GateConfig Load(string body)
    {
        var result = ConfigLoader.Parse("version: 1\ndataset:\n  root: images\n" + body, "datagate.yml", _dir);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result.Config!;
    }

    /// <summary>A record as the analyser would leave it: digests, one pHash, size and BRISQUE.</summary>
    private static ImageRecord Image(string path, string pixels, string file, ulong phash, double brisque = 20, int side = 200, string? age = null)
    {
        var r = new ImageRecord(path);
        r.TextSlots[TextColumns.PixelHash] = pixels;
        r.TextSlots[TextColumns.FileHash] = file;
        r.HashSlots[TextColumns.PHash] = phash;
        r.ValueSlots[MetricCatalog.Brisque.Index] = brisque;
        r.ValueSlots[MetricCatalog.Width.Index] = side;
        r.ValueSlots[MetricCatalog.Height.Index] = side;
        r.ValueSlots[MetricCatalog.FileSize.Index] = 1000;
        if (age is not null)
        {
            r.LabelSlots["age"] = age;
        }

        return r;
    }

    private static GateResult Evaluate(GateConfig config, params ImageRecord[] records) =>
        GateEvaluator.Evaluate(config, new DatasetAnalysis(records, []));

    [Fact]
    public void Should_KeepBestQualityAndExcludeOthers_When_ExactCopiesExist()
    {
        var config = Load("duplicates:\n  exact: { action: exclude, keep: best_quality }\n  near: off\n");
        var result = Evaluate(
            config,
            Image("a.jpg", "p1", "f1", 0, brisque: 40),
            Image("b.png", "p1", "f2", 0, brisque: 30),
            Image("c.jpg", "p1", "f1", 0, brisque: 30),
            Image("d.jpg", "p2", "f3", ulong.MaxValue));
        var group = Assert.Single(result.Duplicates.Groups);
        Assert.Equal(DuplicateKind.Exact, group.Kind);
        Assert.Equal(["a.jpg", "b.png", "c.jpg"], group.Members);
        Assert.Equal("b.png", group.Kept); // lowest BRISQUE, tie with c.jpg broken by ordinal path
        Assert.False(group.ByteIdentical);
        Assert.Equal(["a.jpg", "c.jpg"], result.Exclusions.Keys.Order(StringComparer.Ordinal));
        var finding = Assert.Single(result.Findings, f => f.Diagnostic.Code == "DG2030");
        Assert.All(finding.Images, i => Assert.Contains("'b.png' (kept)", i.Note, StringComparison.Ordinal));
        Assert.Equal(5, finding.Diagnostic.Location!.Line);
        Assert.Equal("dup-1", result.Duplicates.GroupOfImage[result.Records[0].Path]);
        Assert.False(result.Duplicates.GroupOfImage.ContainsKey(result.Records[3].Path));
        Assert.All(result.Records, r => Assert.False(r.Texts.ContainsKey(TextColumns.DuplicateGroup))); // records are not written
    }

    [Theory]
    [InlineData("largest", "b.jpg")]
    [InlineData("first_path", "a.jpg")]
    public void Should_ApplyKeepPolicy_When_PolicyIsNamed(string keep, string expected)
    {
        var config = Load($"duplicates:\n  exact: {{ action: exclude, keep: {keep} }}\n");
        var result = Evaluate(config, Image("a.jpg", "p", "f1", 0, side: 100), Image("b.jpg", "p", "f2", 0, side: 300));
        Assert.Equal(expected, Assert.Single(result.Duplicates.Groups).Kept);
    }

    [Fact]
    public void Should_GroupNearCopiesWithinRadiusOnly_When_HashesDiffer()
    {
        var config = Load("duplicates:\n  near: { hash: phash, max_distance: 4, action: warn, confirm: off, mirror: false }\n");
        var result = Evaluate(
            config,
            Image("a.jpg", "p1", "f1", 0b0000),
            Image("b.jpg", "p2", "f2", 0b1111),        // distance 4 from a
            Image("c.jpg", "p3", "f3", 0b1111_1000_0000)); // distance 5 from a, 9 from b
        var group = Assert.Single(result.Duplicates.Groups);
        Assert.Equal(DuplicateKind.Near, group.Kind);
        Assert.Equal(["a.jpg", "b.jpg"], group.Members);
        Assert.Equal(4, group.MaxDistance);
        Assert.Empty(result.Exclusions);
        Assert.Equal(Core.Diagnostics.Severity.Warning, Assert.Single(result.Findings, f => f.Diagnostic.Code == "DG2031").Diagnostic.Severity);
    }

    [Fact]
    public void Should_FailGateListingLabels_When_DuplicatesDisagreeOnALabel()
    {
        var config = Load("  labels:\n    filename: '^(?<age>\\d+)_'\nfields:\n  age: { type: integer }\nduplicates:\n  label_conflicts: fail\n");
        var result = Evaluate(config, Image("32_a.jpg", "p", "f", 0, age: "32"), Image("52_b.jpg", "p", "f", 0, age: "52"), Image("9_c.jpg", "q", "g", ulong.MaxValue, age: "9"));
        var conflict = Assert.Single(result.Findings, f => f.Diagnostic.Code == "DG2032");
        Assert.Equal(Core.Diagnostics.Severity.Error, conflict.Diagnostic.Severity);
        Assert.Equal(9, conflict.Diagnostic.Location!.Line);
        Assert.Equal(["age=32", "age=52"], conflict.Images.Select(i => i.Note));
        Assert.False(result.Passed);
    }

    [Fact]
    public void Should_ReportGroupsSpanningSplits_When_SplitAssignmentLeaks()
    {
        var config = Load("duplicates:\n  near: off\n");
        var result = Evaluate(config, Image("a.jpg", "p", "f", 0), Image("b.jpg", "p", "f", 0), Image("c.jpg", "q", "g", 0), Image("d.jpg", "q", "g", 0));
        var splits = new Dictionary<string, string> { ["a.jpg"] = "train", ["b.jpg"] = "test", ["c.jpg"] = "train", ["d.jpg"] = "train" };
        var leaks = SplitLeakage.Find(result.Duplicates, p => splits.GetValueOrDefault(p));
        var leak = Assert.Single(leaks);
        Assert.Equal("DG2033", leak.Diagnostic.Code);
        Assert.Equal(["a.jpg", "b.jpg"], leak.Images.Select(i => i.Path));
    }

    [Theory]
    [InlineData("duplicates:\n  exact: { action: remove }\n", "DG1008", 5, 20)]
    [InlineData("duplicates:\n  near: { hash: md5 }\n", "DG1008", 5, 17)]
    [InlineData("duplicates:\n  near: { max_distance: 40 }\n", "DG1008", 5, 25)]
    [InlineData("duplicates:\n  exact: { keep: newest }\n", "DG1008", 5, 18)]
    [InlineData("duplicates:\n  label_conflict: fail\n", "DG1003", 5, 3)]
    [InlineData("duplicates:\n  near: { confirm: maybe }\n", "DG1008", 5, 20)]
    [InlineData("duplicates:\n  near: { confirm: correlation, confirm_max_distance: 6 }\n", "DG1033", 5, 33)]
    [InlineData("duplicates:\n  near: { confirm: dhash, confirm_min_correlation: 0.9 }\n", "DG1033", 5, 27)]
    [InlineData("duplicates:\n  near: { hash: ahash, mirror: true }\n", "DG1034", 5, 32)]
    [InlineData("duplicates:\n  near: { mirror: yes }\n", "DG1008", 5, 19)]
    [InlineData("duplicates:\n  near: { max_candidates: 0 }\n", "DG1008", 5, 27)]
    [InlineData("duplicates:\n  near: { confirm_min_correlation: 2 }\n", "DG1008", 5, 36)]
    public void Should_ReportPosition_When_DuplicatePolicyIsInvalid(string body, string code, int line, int column)
    {
        var result = ConfigLoader.Parse("version: 1\ndataset:\n  root: images\n" + body, "datagate.yml", _dir);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(code, d.Code);
        Assert.Equal((line, column), (d.Location!.Line, d.Location.Column));
    }
}
