using DataGate.Core.Analysis;
using DataGate.Core.Config;
using DataGate.Core.Labels;

namespace DataGate.Core.Tests.Labels;

public sealed class LabelResolverTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dg-labels-").FullName;

    public LabelResolverTests() => Directory.CreateDirectory(Path.Combine(_dir, "images"));

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private GateConfig Load(string body)
    {
        var result = ConfigLoader.Parse("version: 1\ndataset:\n  root: images\n" + body, "datagate.yml", _dir);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result.Config!;
    }

    private static List<ImageRecord> Records(params string[] paths) => paths.Select(p => new ImageRecord(p)).ToList();

    [Fact]
    public void Should_ParseUtkFaceNamesAndReportMalformedOnes_When_PatternIsUsed()
    {
        var config = Load("  labels:\n    filename: '^(?<age>\\d+)_(?<gender>[01])_(?<race>[0-4])_\\d+'\nfields:\n  age: { type: integer, bins: [0, 10, 20, 30] }\n  gender: { type: category, names: { 0: male, 1: female } }\n  race: { type: category }\n");
        var records = Records("a/10_1_2_2017.jpg.chip.jpg", "61_1_20170109142408075.jpg.chip.jpg", "35_0_0_2017.jpg.chip.jpg");
        var (labelled, diagnostics) = LabelResolver.Resolve(config, records);
        records = [.. labelled];
        Assert.Equal("10", records[0].Labels["age"]);
        Assert.Equal("0-10", records[0].Labels["age_bin"]);
        Assert.Equal("1", records[0].Labels["gender"]);
        Assert.Empty(records[1].Labels);
        Assert.Equal("30-inf", records[2].Labels["age_bin"]);
        var d = Assert.Single(diagnostics);
        Assert.Equal("DG2010", d.Code);
        Assert.Equal("61_1_20170109142408075.jpg.chip.jpg", d.ImagePath);
        Assert.Equal(5, d.Location!.Line);
    }

    [Fact]
    public void Should_MatchInLinearTimeWithoutATimeout_When_PatternNeedsNoBacktracking()
    {
        var config = Load("  labels:\n    filename: '^(?<age>\\d+)_(?<gender>[01])_'\nfields:\n  age: { type: integer }\n  gender: { type: category }\n");
        var pattern = config.Dataset.Labels.Pattern!;
        Assert.True(pattern.Options.HasFlag(System.Text.RegularExpressions.RegexOptions.NonBacktracking));
        Assert.Equal(System.Text.RegularExpressions.Regex.InfiniteMatchTimeout, pattern.MatchTimeout);
        var (labelled, diagnostics) = LabelResolver.Resolve(config, Records("31_0_x.jpg"));
        Assert.Empty(diagnostics);
        Assert.Equal("31", labelled[0].Labels["age"]);
    }

    [Fact]
    public void Should_FallBackToBacktrackingWithATimeout_When_PatternUsesABackreference()
    {
        // (?<d>\d)\k<d> needs the backtracking engine: the pattern still works, with a per-name timeout.
        var config = Load("  labels:\n    filename: '^(?<age>(?<d>\\d)\\k<d>)_'\nfields:\n  age: { type: integer }\n");
        var pattern = config.Dataset.Labels.Pattern!;
        Assert.False(pattern.Options.HasFlag(System.Text.RegularExpressions.RegexOptions.NonBacktracking));
        Assert.Equal(TimeSpan.FromSeconds(10), pattern.MatchTimeout);
        var (labelled, diagnostics) = LabelResolver.Resolve(config, Records("33_x.jpg", "34_x.jpg"));
        Assert.Equal("33", labelled[0].Labels["age"]);
        Assert.Equal("DG2010", Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void Should_ReportUnknownCategoryAndBadType_When_ValuesDoNotFit()
    {
        var config = Load("  labels:\n    filename: '^(?<age>\\w+)_(?<gender>\\d)_'\nfields:\n  age: { type: integer }\n  gender: { type: category, names: { 0: male, 1: female } }\n");
        var records = Records("2O_0_x.jpg", "20_7_x.jpg");
        var (labelled, diagnostics) = LabelResolver.Resolve(config, records);
        records = [.. labelled];
        Assert.Contains(diagnostics, d => d.Code == "DG2011" && d.ImagePath == "2O_0_x.jpg");
        Assert.Contains(diagnostics, d => d.Code == "DG2012" && d.ImagePath == "20_7_x.jpg");
        Assert.False(records[0].Labels.ContainsKey("age"));
    }

    [Fact]
    public void Should_UseParentFolder_When_FolderLabelsAreConfigured()
    {
        var config = Load("  labels:\n    folder: species\n");
        var records = Records("cat/1.jpg", "dog/puppies/2.jpg", "3.jpg");
        var (labelled, diagnostics) = LabelResolver.Resolve(config, records);
        records = [.. labelled];
        Assert.Equal("cat", records[0].Labels["species"]);
        Assert.Equal("puppies", records[1].Labels["species"]);
        Assert.Equal("DG2010", Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void Should_ReadManifestAndReportEveryMismatch_When_CsvLabelsAreConfigured()
    {
        File.WriteAllText(Path.Combine(_dir, "labels.csv"), "file,age,gender\na.jpg,30,0\n\"sub/b.jpg\",40,1\nmissing.jpg,1,0\n../outside.jpg,1,1\na.jpg,31,0\n");
        var config = Load("  labels:\n    csv: { path: labels.csv }\nfields:\n  age: { type: integer }\n");
        var records = Records("a.jpg", "sub/b.jpg", "c.jpg");
        var (labelled, diagnostics) = LabelResolver.Resolve(config, records);
        records = [.. labelled];
        Assert.Equal("30", records[0].Labels["age"]);
        Assert.Equal("1", records[1].Labels["gender"]);
        Assert.Contains(diagnostics, d => d.Code == "DG2013" && d.Location!.Line == 4 && d.Message.Contains("no such image", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.Code == "DG2013" && d.Location!.Line == 5 && d.Message.Contains("outside the dataset root", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.Code == "DG2013" && d.Location!.Line == 6 && d.Message.Contains("listed again", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.Code == "DG2013" && d.ImagePath == "c.jpg");
    }

    [Fact]
    public void Should_ReportMissingColumn_When_ManifestLacksFileColumn()
    {
        File.WriteAllText(Path.Combine(_dir, "labels.csv"), "name,age\na.jpg,3\n");
        var config = Load("  labels:\n    csv: { path: labels.csv }\n");
        var (_, diagnostics) = LabelResolver.Resolve(config, Records("a.jpg"));
        Assert.Equal("DG1017", Assert.Single(diagnostics).Code);
    }
}
