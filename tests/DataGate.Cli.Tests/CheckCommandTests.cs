using System.Text.Json;
using Spectre.Console.Testing;

namespace DataGate.Cli.Tests;

public sealed class CheckCommandTests : IDisposable
{
    private readonly TestDataset _data = new();

    public CheckCommandTests()
    {
        _data.Noise("1_0_0_a.png", 1);
        _data.Noise("2_1_0_b.png", 2);
        _data.Noise("3_0_1_c.png", 3);
        _data.Flat("4_1_1_flat.png", 128);
    }

    public void Dispose() => _data.Dispose();

    private (int Exit, string Output) Check(params string[] extra)
    {
        var console = new TestConsole();
        console.Profile.Width = 200;
        int exit = DataGateApp.Run(["check", "--config", _data.ConfigPath, "--out", _data.Out, "--no-progress", .. extra], console);
        return (exit, console.Output);
    }

    [Fact]
    public void Should_ExitZeroAndWriteEveryReport_When_GatePasses()
    {
        _data.Config("quality:\n  - id: gray\n    metric: is_grayscale\n    max: 0\n    action: exclude\n");
        var (exit, output) = Check();
        Assert.Equal(0, exit);
        Assert.Contains("PASSED", output, StringComparison.Ordinal);
        foreach (var file in new[] { "report.json", "summary.md", "metrics.csv", "kept.csv" })
        {
            Assert.True(File.Exists(Path.Combine(_data.Out, file)), file);
        }

        var kept = File.ReadAllLines(Path.Combine(_data.Out, "kept.csv"));
        Assert.Equal(4, kept.Length); // header + three noisy images; the flat gray one is excluded
        Assert.DoesNotContain(kept, l => l.Contains("flat", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_ExitOneAndNameTheRule_When_FailRuleIsBroken()
    {
        _data.Config("quality:\n  - id: colourful\n    metric: is_grayscale\n    max: 0\n    action: fail\n");
        var (exit, output) = Check();
        Assert.Equal(1, exit);
        Assert.Contains("datagate.yml(5,5): error DG2001: rule 'colourful' failed", output, StringComparison.Ordinal);
        Assert.Contains("FAILED", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_ExitTwoWithPosition_When_RuleFileIsInvalid()
    {
        _data.Config("quality:\n  - id: a\n    metric: sharpness\n    min: 1\n");
        var (exit, output) = Check();
        Assert.Equal(2, exit);
        Assert.Contains("datagate.yml(6,13): error DG1007: unknown metric 'sharpness'", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_data.Out));
    }

    [Fact]
    public void Should_ExitTwo_When_RuleFileIsMissing()
    {
        var (exit, output) = Check();
        Assert.Equal(2, exit);
        Assert.Contains("DG1001", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_AccountForEveryInput_When_SomeFilesAreCorrupt()
    {
        _data.Bytes("5_0_0_broken.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0]);
        _data.Bytes("6_0_0_empty.jpg", []);
        _data.Config("gate:\n  max_errored_fraction: 0.5\n");
        var (exit, output) = Check();
        Assert.Equal(0, exit);
        Assert.Contains("DG3002", output, StringComparison.Ordinal);
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(_data.Out, "report.json")));
        var counts = report.RootElement.GetProperty("counts");
        Assert.Equal(6, counts.GetProperty("total").GetInt32());
        Assert.Equal(2, counts.GetProperty("errored").GetInt32());
        Assert.Equal(4, counts.GetProperty("kept").GetInt32() + counts.GetProperty("excluded").GetInt32());
        Assert.Equal(2, report.RootElement.GetProperty("errored").GetArrayLength());
    }

    [Fact]
    public void Should_FailGate_When_TooManyFilesAreCorrupt()
    {
        _data.Bytes("5_0_0_broken.jpg", [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]);
        _data.Config("gate:\n  max_errored_fraction: 0.1\n");
        var (exit, output) = Check();
        Assert.Equal(1, exit);
        Assert.Contains("DG2022", output, StringComparison.Ordinal);
    }
}
