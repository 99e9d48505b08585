using DataGate.Core.Config;
using DataGate.Core.Imaging;

namespace DataGate.Core.Tests.Config;

public sealed class ConfigLoaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dg-config-").FullName;

    public ConfigLoaderTests() => Directory.CreateDirectory(Path.Combine(_dir, "images"));

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private ConfigLoadResult Parse(string yaml) => ConfigLoader.Parse(yaml.ReplaceLineEndings("\n"), "datagate.yml", _dir);

    private const string Valid = """
        version: 1
        dataset:
          root: images
          labels:
            filename: '^(?<age>\d+)_(?<gender>[01])_'
        fields:
          age: { type: integer, bins: [0, 10, 20] }
          gender: { type: category, names: { 0: male, 1: female } }
        quality:
          - id: sharp
            metric: laplacian_variance
            min: 17.4
            action: exclude
          - id: dark
            metric: luminance_mean
            min: { percentile: 1 }
            action: warn
            mostly: 0.99
        gate:
          max_excluded_fraction: 0.05
        """;

    [Fact]
    public void Should_LoadEverySection_When_FileIsValid()
    {
        var result = Parse(Valid);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var config = result.Config!;
        Assert.Equal(Path.Combine(_dir, "images"), config.Dataset.Root);
        Assert.Equal(LabelSourceKind.FileName, config.Dataset.Labels.Kind);
        Assert.Equal(2, config.Fields.Count);
        Assert.Equal("age_bin", config.Fields[0].BinFieldName);
        Assert.Equal("female", config.Fields[1].Names["1"]);
        Assert.Equal(2, config.Quality.Count);
        Assert.Equal(RuleAction.Exclude, config.Quality[0].Action);
        Assert.Equal(new Threshold(ThresholdKind.Absolute, 17.4), config.Quality[0].Min);
        Assert.Equal(new Threshold(ThresholdKind.Percentile, 1), config.Quality[1].Min);
        Assert.Equal(0.99, config.Quality[1].Mostly);
        Assert.Equal(10, config.Quality[0].Location.Line);
        Assert.Equal(5, config.Quality[0].Location.Column);
        Assert.Equal(0.05, config.Gate.MaxExcludedFraction);
    }

    [Theory]
    [InlineData("quality:\n  - id: a\n    metric: laplacian_varience\n    min: 1\n", "DG1007", 3, 13, "did you mean 'laplacian_variance'")]
    [InlineData("quality:\n  - id: a\n    metric: entropy\n    mni: 1\n", "DG1003", 4, 5, "did you mean 'min'")]
    [InlineData("quality:\n  - id: a\n    metric: entropy\n    min: lots\n", "DG1004", 4, 10, "must be a number")]
    [InlineData("quality:\n  - id: a\n    metric: entropy\n    min: 1\n  - id: a\n    metric: entropy\n    max: 2\n", "DG1009", 5, 9, "already used at line 5")]
    [InlineData("quality:\n  - id: a\n    metric: entropy\n", "DG1005", 2, 5, "needs 'min', 'max' or both")]
    [InlineData("quality:\n  - id: a\n    metric: entropy\n    min: { percentile: 120 }\n", "DG1008", 4, 24, "between 0 and 100")]
    [InlineData("quality:\n  - id: a\n    metric: entropy\n    min: 1\n    mostly: 1.5\n", "DG1008", 5, 13, "between 0 and 1")]
    [InlineData("quality:\n  - id: a\n    metric: entropy\n    min: 1\n    action: drop\n", "DG1008", 5, 13, "must be one of")]
    [InlineData("gate:\n  max_excluded_fraktion: 0.1\n", "DG1003", 2, 3, "did you mean 'max_excluded_fraction'")]
    [InlineData("decode:\n  engine: libjpegturbo\n", "DG1026", 2, 11, "did you mean 'libjpeg-turbo'")]
    [InlineData("decode:\n  engine: ImageSharp\n", "DG1026", 2, 11, "must be one of imagesharp, libjpeg-turbo")]
    [InlineData("decode:\n  engine: [imagesharp]\n", "DG1004", 2, 11, "decode.engine")]
    [InlineData("decode:\n  engin: imagesharp\n", "DG1003", 2, 3, "did you mean 'engine'")]
    [InlineData("cleanvision:\n  blury: 0.2\n", "DG1003", 2, 3, "did you mean 'blurry'")]
    [InlineData("cleanvision:\n  dark: 1.5\n", "DG1008", 2, 9, "cleanvision.dark must be between 0 and 1")]
    [InlineData("cleanvision:\n  low_information: low\n", "DG1004", 2, 20, "cleanvision.low_information must be a number")]
    [InlineData("cleanvision: 0.3\n", "DG1004", 1, 14, "cleanvision")]
    public void Should_ReportCodeAndPosition_When_RuleIsInvalid(string tail, string code, int line, int column, string text)
    {
        var yaml = "version: 1\ndataset:\n  root: images\n" + tail;
        var result = Parse(yaml);
        Assert.False(result.Succeeded);
        var d = Assert.Single(result.Diagnostics, x => x.Code == code);
        Assert.Contains(text, d.Message, StringComparison.Ordinal);
        Assert.Equal("datagate.yml", d.Location!.File);
        Assert.Equal(line + 3, d.Location.Line);
        Assert.Equal(column, d.Location.Column);
    }

    [Fact]
    public void Should_ReadTheCleanVisionThresholds_When_SectionIsGiven()
    {
        var result = Parse("version: 1\ndataset:\n  root: images\ncleanvision:\n  dark: 0.4\n  light: 0.1\n  blurry: 0.5\n  low_information: 0.2\n  odd_aspect_ratio: 0.6\n");
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var cv = result.Config!.CleanVision;
        Assert.Equal((0.4, 0.1, 0.5, 0.2, 0.6), (cv.Dark, cv.Light, cv.Blurry, cv.LowInformation, cv.OddAspectRatio));
        Assert.False(cv.IsDefault);
    }

    [Theory]
    [InlineData("")]
    [InlineData("cleanvision: {}\n")]
    public void Should_UseCleanVisionDefaults_When_SectionIsEmptyOrAbsent(string tail)
    {
        var result = Parse("version: 1\ndataset:\n  root: images\n" + tail);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var cv = result.Config!.CleanVision;
        Assert.Equal((0.32, 0.05, 0.29, 0.3, 0.35), (cv.Dark, cv.Light, cv.Blurry, cv.LowInformation, cv.OddAspectRatio));
        Assert.True(cv.IsDefault);
    }

    [Theory]
    [InlineData("", DecodeEngineNames.Default)]
    [InlineData("decode:\n  engine: imagesharp\n", DecodeEngine.ImageSharp)]
    [InlineData("decode:\n  engine: libjpeg-turbo\n", DecodeEngine.LibJpegTurbo)]
    [InlineData("decode: {}\n", DecodeEngineNames.Default)]
    public void Should_ReadTheDecodeEngine_When_DecodeSectionIsGiven(string tail, DecodeEngine expected)
    {
        var result = Parse("version: 1\ndataset:\n  root: images\n" + tail);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal(expected, result.Config!.Decode.Engine);
    }

    [Fact]
    public void Should_ReportBadRegexWithPosition_When_PatternDoesNotCompile()
    {
        var result = Parse("version: 1\ndataset:\n  root: images\n  labels:\n    filename: '(?<age>\\d+'\n");
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("DG1006", d.Code);
        Assert.Equal(5, d.Location!.Line);
        Assert.Equal(15, d.Location.Column);
    }

    [Fact]
    public void Should_ReportEveryError_When_FileHasSeveral()
    {
        var result = Parse("version: 2\ndataset:\n  root: nowhere\nquality:\n  - id: a\n    metric: nope\n    min: 1\nextra: 1\n");
        var codes = result.Diagnostics.Select(d => d.Code).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["DG1003", "DG1007", "DG1010", "DG1012"], codes);
    }

    [Fact]
    public void Should_ReportSyntaxErrorWithPosition_When_YamlIsBroken()
    {
        var result = Parse("version: 1\ndataset:\n  root: [images\n");
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("DG1002", d.Code);
        Assert.True(d.Location!.Line >= 3, d.ToString());
    }

    [Fact]
    public void Should_ReportDiagnostic_When_KeyIsDuplicated()
    {
        var result = Parse("version: 1\nversion: 1\ndataset:\n  root: images\n");
        Assert.False(result.Succeeded);
        Assert.Equal("DG1002", Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void Should_RefuseDocument_When_AliasesExpandExponentially()
    {
        var lines = new List<string> { "a0: &a0 [x, x, x, x, x, x, x, x, x, x]" };
        for (int i = 1; i < 9; i++)
        {
            lines.Add($"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]");
        }

        var result = Parse(string.Join("\n", lines) + "\n");
        Assert.Equal("DG1011", Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void Should_ReportMissingKeys_When_FileIsEmptyOrPartial()
    {
        Assert.Equal("DG1005", Assert.Single(Parse("").Diagnostics).Code);
        var partial = Parse("version: 1\n");
        Assert.Equal("DG1005", Assert.Single(partial.Diagnostics).Code);
        Assert.Contains("dataset", partial.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_ReportUndeclaredGroup_When_FieldHasNoPatternGroup()
    {
        var result = Parse("version: 1\ndataset:\n  root: images\n  labels:\n    filename: '^(?<age>\\d+)_'\nfields:\n  race: { type: category }\n");
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("DG1013", d.Code);
        Assert.Equal(7, d.Location!.Line);
    }

    [Fact]
    public void Should_ReportNotFound_When_FileIsMissing()
    {
        var result = ConfigLoader.Load(Path.Combine(_dir, "missing.yml"));
        Assert.Equal("DG1001", Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void Should_GivePosition_When_FlowSequenceIsNotClosed()
    {
        var result = Parse("version: 1\ndataset:\n  root: images\n  include: [\"**/*.png\"\nquality: []\n");
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("DG1002", d.Code);
        Assert.True(d.Location!.Line >= 4, d.ToString());
    }

    [Fact]
    public void Should_ReportModelDiagnosticAtKey_When_BrisqueModelFileIsMissing()
    {
        var result = Parse("version: 1\ndataset:\n  root: images\nbrisque: { model: none.yml, range: none_range.yml }\n");
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("DG1014", d.Code);
        Assert.Equal((4, 19), (d.Location!.Line, d.Location.Column));
    }
}
