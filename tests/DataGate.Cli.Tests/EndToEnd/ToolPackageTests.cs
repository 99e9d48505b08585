using System.Diagnostics;
using System.Text.Json;
using Spectre.Console.Testing;

namespace DataGate.Cli.Tests.EndToEnd;

/// <summary>The <c>datagate</c> tool installed from the packed feed, as a user would get it.</summary>
[Collection(ToolPackageGroup.Name)]
public sealed class ToolPackageTests : IDisposable
{
    private static readonly TimeSpan s_runTimeout = TimeSpan.FromMinutes(5);
    private readonly PackedFeedFixture _feed;
    private readonly string _out = Directory.CreateTempSubdirectory("dg-tool-run-").FullName;

    public ToolPackageTests(PackedFeedFixture feed) => _feed = feed;

    public void Dispose() => Directory.Delete(_out, recursive: true);

    [Fact]
    public void Should_RunTheBundledExampleLikeTheSourceBuild_When_TheToolIsInstalledFromTheFeed()
    {
        string config = Path.Combine(_feed.Repository, "datagate.yml");
        string installed = Path.Combine(_out, "installed");
        string source = Path.Combine(_out, "source");

        var (exit, output) = ChildProcess.Run(_feed.Tool, _out, null, s_runTimeout, "check", "--config", config, "--out", installed, "--no-progress");
        var console = new TestConsole();
        console.Profile.Width = 240;
        int sourceExit = DataGateApp.Run(["check", "--config", config, "--out", source, "--no-progress"], console);

        Assert.True(exit == 0, output);
        Assert.Equal(0, sourceExit);
        foreach (var file in new[] { "report.json", "summary.md", "metrics.csv", "kept.csv" })
        {
            Assert.True(File.Exists(Path.Combine(installed, file)), $"{file} missing:\n{output}");
        }

        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(installed, "report.json")));
        var counts = report.RootElement.GetProperty("counts");
        Assert.Equal(300, counts.GetProperty("total").GetInt32());
        Assert.Equal(301, File.ReadAllLines(Path.Combine(installed, "metrics.csv")).Length);
        Assert.Equal(counts.GetProperty("kept").GetInt32() + 1, File.ReadAllLines(Path.Combine(installed, "kept.csv")).Length);
        // The packaged tool is the engine of this commit: byte-identical measurements and manifest.
        Assert.Equal(File.ReadAllText(Path.Combine(source, "metrics.csv")), File.ReadAllText(Path.Combine(installed, "metrics.csv")));
        Assert.Equal(File.ReadAllText(Path.Combine(source, "kept.csv")), File.ReadAllText(Path.Combine(installed, "kept.csv")));
    }

    [Fact]
    public void Should_FailWithExitCode2_When_TheInstalledToolGetsAMissingRuleFile()
    {
        var (exit, output) = ChildProcess.Run(_feed.Tool, _out, null, s_runTimeout,
            "check", "--config", Path.Combine(_out, "no-such.yml"), "--out", Path.Combine(_out, "x"), "--no-progress");

        Assert.True(exit == 2, output);
        Assert.Contains("DG1", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_CarryThePackageVersionAndCommit_When_TheToolAssemblyIsInspected()
    {
        string dll = Directory.GetFiles(Path.Combine(_feed.ToolPath, ".store"), "datagate.dll", SearchOption.AllDirectories).Single();

        // InformationalVersion: <package version>+<commit> (datagate --version prints the part before '+').
        string informational = FileVersionInfo.GetVersionInfo(dll).ProductVersion!;
        string[] parts = informational.Split('+', 2);

        Assert.Equal(_feed.Version, parts[0]);
        Assert.Equal(Git.Head(_feed.Repository), parts[1]);
    }
}
