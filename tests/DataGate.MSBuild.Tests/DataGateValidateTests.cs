using DataGate.MSBuild.Tests.Support;

namespace DataGate.MSBuild.Tests;

public sealed class DataGateValidateTests : IDisposable
{
    private readonly Workspace _ws = new();
    private readonly FakeBuildEngine _engine = new();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public void Should_LogErrorAtTheRulePosition_When_AQualityRuleFails()
    {
        _ws.Image("a.png", 1);
        _ws.Image("b.png", 2, gray: true);
        _ws.WriteConfig(Workspace.RuleFile("colour", "metric: is_grayscale", "max: 0", "action: fail"));
        var (line, column) = _ws.PositionOf("id: colour");

        bool ok = Run();

        Assert.False(ok);
        var error = Assert.Single(_engine.Errors);
        Assert.Equal(("DG2001", _ws.ConfigPath, line, column), (error.Code, error.File, error.LineNumber, error.ColumnNumber));
        Assert.Contains("b.png", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("a.png", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_SucceedAndReturnTheKeptManifest_When_TheGatePasses()
    {
        _ws.Image("a.png", 1);
        _ws.Image("b.png", 2);
        _ws.WriteConfig(Workspace.RuleFile("colour", "metric: is_grayscale", "max: 0", "action: fail"));

        bool ok = Run();

        Assert.True(ok);
        Assert.Empty(_engine.Errors);
        Assert.NotNull(_sut.KeptManifest);
        Assert.Equal(["path", "a.png", "b.png"], File.ReadAllLines(_sut.KeptManifest.ItemSpec));
        Assert.Contains(_sut.WrittenFiles, f => f.ItemSpec.EndsWith("report.json", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_LogAWarningWithItsCode_When_AWarnRuleFlagsAnImage()
    {
        _ws.Image("a.png", 1);
        _ws.Image("g.png", 2, gray: true);
        _ws.WriteConfig(Workspace.RuleFile("colour", "metric: is_grayscale", "max: 0", "action: warn"));
        var (line, column) = _ws.PositionOf("id: colour");

        bool ok = Run();

        Assert.True(ok);
        var warning = Assert.Single(_engine.Warnings);
        Assert.Equal(("DG2002", _ws.ConfigPath, line, column), (warning.Code, warning.File, warning.LineNumber, warning.ColumnNumber));
    }

    [Fact]
    public void Should_FailOnTheWarning_When_FailOnIsWarning()
    {
        _ws.Image("a.png", 1);
        _ws.Image("g.png", 2, gray: true);
        _ws.WriteConfig(Workspace.RuleFile("colour", "metric: is_grayscale", "max: 0", "action: warn"));

        bool ok = Run("warning");

        Assert.False(ok);
        Assert.Equal("DG2002", Assert.Single(_engine.Errors).Code);
        Assert.Empty(_engine.Warnings);
    }

    [Fact]
    public void Should_ReportErrorsAsWarnings_When_FailOnIsNone()
    {
        _ws.Image("g.png", 2, gray: true);
        _ws.WriteConfig(Workspace.RuleFile("colour", "metric: is_grayscale", "max: 0", "action: fail"));

        bool ok = Run("none");

        Assert.True(ok);
        Assert.Empty(_engine.Errors);
        Assert.Equal("DG2001", Assert.Single(_engine.Warnings).Code);
    }

    [Fact]
    public void Should_LogTheConfigErrorAtItsPosition_When_AKeyIsMisspelt()
    {
        _ws.Image("a.png", 1);
        _ws.WriteConfig(Workspace.RuleFile("colour", "metric: is_grayscale", "maxx: 0"));
        var (line, column) = _ws.PositionOf("maxx");

        bool ok = Run("none");

        Assert.False(ok);
        Assert.Contains(_engine.Errors, e => (e.Code, e.File, e.LineNumber, e.ColumnNumber) == ("DG1003", _ws.ConfigPath, line, column));
    }

    [Fact]
    public void Should_LogDG1002AtTheBrokenLine_When_TheYamlDoesNotParse()
    {
        _ws.WriteConfig("version: 1\ndataset:\n  root: data\n   bad: x\n");
        var (line, _) = _ws.PositionOf("bad: x");

        bool ok = Run();

        Assert.False(ok);
        var error = Assert.Single(_engine.Errors);
        Assert.Equal(("DG1002", _ws.ConfigPath), (error.Code, error.File));
        Assert.Equal(line, error.LineNumber);
        Assert.True(error.ColumnNumber > 0);
    }

    [Fact]
    public void Should_NameTheImageVerbatim_When_AnImageIsCorrupt()
    {
        _ws.Image("a.png", 1);
        File.WriteAllText(Path.Combine(_ws.Data, "bad{0}.png"), "not a png");
        _ws.WriteConfig(Workspace.RuleFile("colour", "metric: is_grayscale", "max: 0", "action: warn") + "gate:\n  max_errored_fraction: 0.9\n");

        bool ok = Run();

        Assert.True(ok);
        var warning = Assert.Single(_engine.Warnings, w => w.Code.StartsWith("DG300", StringComparison.Ordinal));
        // The image is the diagnostic's file (issue 12: clickable), named verbatim (no format expansion of {0}).
        Assert.Equal(Path.Combine(_ws.Data, "bad{0}.png"), warning.File);
    }

    [Fact]
    public void Should_LogDG1008_When_FailOnIsUnknown()
    {
        _ws.WriteConfig(Workspace.RuleFile("colour", "metric: is_grayscale", "max: 0"));

        bool ok = Run("sometimes");

        Assert.False(ok);
        Assert.Equal("DG1008", Assert.Single(_engine.Errors).Code);
    }

    [Fact]
    public void Should_LogDG9001AndNotThrow_When_TheWorkThrows()
    {
        var task = new ThrowingTask { BuildEngine = _engine };

        bool ok = task.Execute();

        Assert.False(ok);
        var error = Assert.Single(_engine.Errors);
        Assert.Equal("DG9001", error.Code);
        Assert.Contains("InvalidOperationException: boom", error.Message, StringComparison.Ordinal);
    }

    private DataGateValidate _sut = new();

    private bool Run(string? failOn = null)
    {
        _sut = new DataGateValidate
        {
            BuildEngine = _engine,
            ConfigFile = _ws.ConfigPath,
            ReportDirectory = Path.Combine(_ws.Root, "out"),
            CacheDirectory = Path.Combine(_ws.Root, "cache"),
            FailOn = failOn,
        };
        return _sut.Execute();
    }

    private sealed class ThrowingTask : DataGateTask
    {
        protected override void ExecuteCore(CancellationToken cancellationToken) => throw new InvalidOperationException("boom");
    }
}
