using DataGate.MSBuild.Tests.Support;

namespace DataGate.MSBuild.Tests;

/// <summary>What the build log shows: image findings located at the image, rule findings at the rule, many findings folded.</summary>
public sealed class ClickableFindingsTests : IDisposable
{
    private readonly Workspace _ws = new();
    private readonly FakeBuildEngine _engine = new();

    public void Dispose() => _ws.Dispose();

    private bool Run(string? html = null, string? sarif = null, string? junit = null) => new DataGateValidate
    {
        BuildEngine = _engine,
        ConfigFile = _ws.ConfigPath,
        ReportDirectory = Path.Combine(_ws.Root, "out"),
        HtmlReport = html,
        SarifFile = sarif,
        JUnitFile = junit,
    }.Execute();

    [Fact]
    public void Should_UseTheImageAsTheFile_When_AnImageCannotBeDecoded()
    {
        _ws.Image("a.png", 1);
        Directory.CreateDirectory(_ws.Data);
        File.WriteAllBytes(Path.Combine(_ws.Data, "broken.png"), [0x89, (byte)'P', (byte)'N', (byte)'G', 0, 1]);
        _ws.WriteConfig(Workspace.RuleFile("colour", "metric: is_grayscale", "max: 0", "action: warn") + "gate:\n  max_errored_fraction: 1\n");

        Run();

        var logged = _engine.Warnings.Select(w => (w.Code, w.File, w.LineNumber)).Concat(_engine.Errors.Select(e => (e.Code, e.File, e.LineNumber)));
        var decode = Assert.Single(logged, e => e.Code.StartsWith("DG300", StringComparison.Ordinal));
        Assert.Equal((Path.Combine(_ws.Data, "broken.png"), 0), (decode.File, decode.LineNumber));
    }

    [Fact]
    public void Should_KeepTheRulePositionAndListFewImagesAsFiles_When_ARuleFlagsFewImages()
    {
        _ws.Image("a.png", 1);
        _ws.Image("g.png", 2, gray: true);
        _ws.WriteConfig(Workspace.RuleFile("colour", "metric: is_grayscale", "max: 0", "action: warn"));
        var (line, _) = _ws.PositionOf("id: colour");

        Run();

        var warning = Assert.Single(_engine.Warnings);
        Assert.Equal((_ws.ConfigPath, line), (warning.File, warning.LineNumber));
        Assert.Contains(_engine.Messages, m => m.Code == "DG2002" && m.File == Path.Combine(_ws.Data, "g.png"));
    }

    [Fact]
    public void Should_FoldIntoOneLine_When_ManyImagesHaveTheSameFinding()
    {
        for (int i = 0; i < 12; i++)
        {
            _ws.Image($"img{i}.png", i);
        }

        _ws.WriteConfig(Workspace.RuleFile("colour", "metric: is_grayscale", "max: 0", "action: warn")
            .Replace("  include:", "  labels:\n    filename: '^(?<age>\\d+)_'\n  include:", StringComparison.Ordinal) + "fields:\n  age: { type: integer }\n");

        Run();

        var unlabelled = Assert.Single(_engine.Warnings, w => w.Code == "DG2010");
        Assert.StartsWith("12 × file name does not match the label pattern", unlabelled.Message, StringComparison.Ordinal);
        Assert.Contains("9 more", unlabelled.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_WriteReportHtmlAndCiReports_When_Asked()
    {
        _ws.Image("a.png", 1);
        _ws.WriteConfig(Workspace.RuleFile("colour", "metric: is_grayscale", "max: 0", "action: warn"));
        string sarif = Path.Combine(_ws.Root, "ci", "datagate.sarif");
        string junit = Path.Combine(_ws.Root, "ci", "junit.xml");

        Assert.True(Run(sarif: sarif, junit: junit));

        Assert.True(File.Exists(Path.Combine(_ws.Root, "out", "report.html")));
        Assert.True(File.Exists(sarif));
        Assert.True(File.Exists(junit));
    }

    [Fact]
    public void Should_WriteNoReportHtml_When_TurnedOff()
    {
        _ws.Image("a.png", 1);
        _ws.WriteConfig(Workspace.RuleFile("colour", "metric: is_grayscale", "max: 0", "action: warn"));

        Assert.True(Run(html: "false"));

        Assert.False(File.Exists(Path.Combine(_ws.Root, "out", "report.html")));
        Assert.True(File.Exists(Path.Combine(_ws.Root, "out", "report.json")));
    }

    [Fact]
    public void Should_LogDG1030_When_HtmlReportIsNotABoolean()
    {
        _ws.Image("a.png", 1);
        _ws.WriteConfig(Workspace.RuleFile("colour", "metric: is_grayscale", "max: 0", "action: warn"));

        Assert.False(Run(html: "maybe"));

        Assert.Equal("DG1030", Assert.Single(_engine.Errors).Code);
    }
}
