using DataGate.Core.Config;

namespace DataGate.Core.Tests.Config;

public sealed class SplitConfigTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dg-splitcfg-").FullName;

    public SplitConfigTests() => Directory.CreateDirectory(Path.Combine(_dir, "images"));

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private const string Head = "version: 1\ndataset:\n  root: images\n  labels:\n    filename: '^(?<age>\\d+)_(?<gender>[01])_(?<subject>\\d+)'\nfields:\n  age: { type: integer, bins: [0, 20, 40] }\n  gender: { type: category, names: { 0: male, 1: female } }\n  subject: { type: category }\n";

    private ConfigLoadResult Parse(string splits) => ConfigLoader.Parse((Head + splits).ReplaceLineEndings("\n"), "datagate.yml", _dir);

    [Fact]
    public void Should_ReadEveryKey_When_SplitsSectionIsValid()
    {
        var result = Parse("splits:\n  ratios: { train: 0.8, val: 0.1, test: 0.1 }\n  stratify_by: [age_bin, gender]\n  group_by: [duplicate_group, subject]\n  seed: 7\n  folds: 5\n  lock: datagate.splits.lock\n  max_cell_deviation: 0.03\n  min_cell_images: 20\n  action: warn\n");
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var s = result.Config!.Splits!;
        Assert.Equal(["train", "val", "test"], s.Ratios.Select(r => r.Name));
        Assert.Equal([0.8, 0.1, 0.1], s.Ratios.Select(r => r.Ratio));
        Assert.Equal(["age_bin", "gender"], s.StratifyBy);
        Assert.Equal(["subject"], s.GroupBy);
        Assert.Equal(7, s.Seed);
        Assert.Equal(5, s.Folds);
        Assert.Equal(Path.Combine(_dir, "datagate.splits.lock"), s.LockPath);
        Assert.Equal(0.03, s.MaxCellDeviation);
        Assert.Equal(20, s.MinCellImages);
        Assert.Equal(RuleAction.Warn, s.Action);
        Assert.Equal("train", s.FoldSplit);
        Assert.Equal(11, s.Location!.Line);
    }

    [Fact]
    public void Should_UseDefaults_When_OnlyRatiosAreGiven()
    {
        var result = Parse("splits:\n  ratios: { a: 0.5, b: 0.5 }\n");
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var s = result.Config!.Splits!;
        Assert.Empty(s.StratifyBy);
        Assert.Null(s.LockPath);
        Assert.Equal(0, s.Folds);
        Assert.Equal(SplitSettings.DefaultMaxCellDeviation, s.MaxCellDeviation);
        Assert.Equal(RuleAction.Fail, s.Action);
        Assert.Equal("a", s.FoldSplit);
    }

    [Theory]
    [InlineData("splits:\n  ratios: { train: 0.8, val: 0.1, test: 0.2 }\n", "DG1019", 11, 11, "sum to")]
    [InlineData("splits:\n  ratios: { train: 0.5 }\n", "DG1019", 11, 11, "2-10 splits")]
    [InlineData("splits:\n  ratios: { train: 0.5, Val: 0.5 }\n", "DG1019", 11, 25, "snake_case")]
    [InlineData("splits:\n  ratios: { train: 0.5, kept: 0.5 }\n", "DG1019", 11, 25, "overwrite")]
    [InlineData("splits:\n  ratios: { train: 1.5, test: 0.5 }\n", "DG1019", 11, 20, "above 0 and below 1")]
    [InlineData("splits:\n  ratios: [0.8, 0.2]\n", "DG1004", 11, 11, "mapping")]
    [InlineData("splits:\n  ratios: { train: 0.8, test: 0.2 }\n  stratify_by: [gendr]\n", "DG1020", 12, 17, "did you mean 'gender'")]
    [InlineData("splits:\n  ratios: { train: 0.8, test: 0.2 }\n  stratify_by: [age]\n", "DG1020", 12, 17, "age_bin")]
    [InlineData("splits:\n  ratios: { train: 0.8, test: 0.2 }\n  group_by: [subjekt]\n", "DG1020", 12, 14, "did you mean 'subject'")]
    [InlineData("splits:\n  ratios: { train: 0.8, test: 0.2 }\n  folds: 1\n", "DG1022", 12, 10, "2-100")]
    [InlineData("splits:\n  ratios: { train: 0.8, test: 0.2 }\n  lock: missing/dir/x.lock\n", "DG1021", 12, 9, "does not exist")]
    [InlineData("splits:\n  ratios: { train: 0.8, test: 0.2 }\n  lock: images\n", "DG1021", 12, 9, "folder")]
    [InlineData("splits:\n  ratios: { train: 0.8, test: 0.2 }\n  action: exclude\n", "DG1008", 12, 11, "fail, warn")]
    [InlineData("splits:\n  ratios: { train: 0.8, test: 0.2 }\n  max_cell_deviaton: 0.1\n", "DG1003", 12, 3, "did you mean 'max_cell_deviation'")]
    [InlineData("splits:\n  stratify_by: [gender]\n", "DG1005", 11, 3, "ratios")]
    public void Should_ReportCodeAndPosition_When_SplitsSectionIsInvalid(string splits, string code, int line, int column, string text)
    {
        var result = Parse(splits);
        Assert.False(result.Succeeded);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(code, d.Code);
        Assert.Equal((line, column), (d.Location!.Line, d.Location.Column));
        Assert.Contains(text, d.Message, StringComparison.Ordinal);
    }
}
