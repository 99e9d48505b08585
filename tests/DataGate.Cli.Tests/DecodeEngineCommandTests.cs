using Spectre.Console.Testing;

namespace DataGate.Cli.Tests;

/// <summary><c>--decode-engine</c> on <c>metrics</c> and <c>check</c>, and <c>decode.engine</c> in datagate.yml.</summary>
public sealed class DecodeEngineCommandTests : IDisposable
{
    private readonly TestDataset _data = new();

    public DecodeEngineCommandTests() =>
        File.Copy(Path.Combine(Repo.Root, "tests", "fixtures", "golden", "images", "synthetic", "variants", "b00_q95.jpg"), Path.Combine(_data.Images, "face.jpg"));

    public void Dispose() => _data.Dispose();

    [Fact]
    public void Should_DecodeJpegWithTheNamedEngine_When_MetricsGetsDecodeEngine()
    {
        var (turboExit, turbo) = Metrics("libjpeg-turbo");
        var (sharpExit, sharp) = Metrics("imagesharp");
        var (defaultExit, byDefault) = Metrics(null);

        Assert.Equal((0, 0, 0), (turboExit, sharpExit, defaultExit));
        // The two decoders give different pixels for this JPEG (ImageSharp differs from libjpeg-turbo by a level here
        // and there), so the metric rows differ; the default is libjpeg-turbo.
        Assert.NotEqual(turbo[1], sharp[1]);
        Assert.Equal(turbo, byDefault);
    }

    [Theory]
    [InlineData("metrics")]
    [InlineData("check")]
    public void Should_ExitTwoWithDG1026_When_DecodeEngineIsMistyped(string command)
    {
        _data.Config(string.Empty);
        var console = new TestConsole();
        console.Profile.Width = 240;
        string[] args = command == "metrics"
            ? ["metrics", _data.Images, "--out", Path.Combine(_data.Root, "m.csv"), "--no-progress", "--decode-engine", "libjpegturbo"]
            : ["check", "--config", _data.ConfigPath, "--out", _data.Out, "--no-progress", "--decode-engine", "libjpegturbo"];

        int exit = DataGateApp.Run(args, console);

        Assert.Equal(2, exit);
        Assert.Contains("DG1026", console.Output, StringComparison.Ordinal);
        Assert.Contains("did you mean 'libjpeg-turbo'", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_OverrideTheRuleFile_When_CheckGetsDecodeEngine()
    {
        _data.Config("decode:\n  engine: imagesharp\n");
        var fromFile = CheckMetrics();
        var overridden = CheckMetrics("--decode-engine", "libjpeg-turbo");
        var (_, turbo) = Metrics("libjpeg-turbo");

        Assert.NotEqual(fromFile, overridden);
        Assert.Equal(turbo[1].Split(',')[10..20], overridden[1].Split(',')[10..20]);
    }

    [Fact]
    public void Should_ExitTwoWithPosition_When_RuleFileNamesAnUnknownEngine()
    {
        _data.Config("decode:\n  engine: pillow\n");
        var console = new TestConsole();
        console.Profile.Width = 240;

        int exit = DataGateApp.Run(["check", "--config", _data.ConfigPath, "--out", _data.Out, "--no-progress"], console);

        Assert.Equal(2, exit);
        Assert.Contains("datagate.yml(5,11): error DG1026: decode.engine must be one of imagesharp, libjpeg-turbo, got 'pillow'", console.Output, StringComparison.Ordinal);
    }

    private (int Exit, string[] Lines) Metrics(string? engine)
    {
        var csv = Path.Combine(_data.Root, $"m-{engine ?? "default"}.csv");
        string[] args = ["metrics", _data.Images, "--out", csv, "--no-progress"];
        int exit = DataGateApp.Run(engine is null ? args : [.. args, "--decode-engine", engine], new TestConsole());
        return (exit, exit == 0 ? File.ReadAllLines(csv) : []);
    }

    private string[] CheckMetrics(params string[] extra)
    {
        int exit = DataGateApp.Run(["check", "--config", _data.ConfigPath, "--out", _data.Out, "--no-progress", .. extra], new TestConsole());
        Assert.Equal(0, exit);
        return File.ReadAllLines(Path.Combine(_data.Out, "metrics.csv"));
    }
}
