using Spectre.Console.Testing;

namespace DataGate.Cli.Tests;

/// <summary>
/// `datagate check` on the bundled example writes the same bytes as before the Core API refactor (issue 9): the
/// snapshot in tests/fixtures/example-outputs was produced by main's code before any change, with the repository's
/// path replaced by <c>{repo}</c>. A deliberate change to the outputs (e.g. the default decode engine, issue 14) is
/// written back with <c>DATAGATE_UPDATE_SNAPSHOTS=1 dotnet test --filter ExampleOutputsSnapshotTests</c>; review the
/// diff and say why in the commit.
/// </summary>
public sealed class ExampleOutputsSnapshotTests : IDisposable
{
    private readonly string _out = Directory.CreateTempSubdirectory("dg-snapshot-").FullName;

    public void Dispose() => Directory.Delete(_out, recursive: true);

    /// <summary>DATAGATE_UPDATE_SNAPSHOTS=1 rewrites the snapshots from this run (review the diff before committing).</summary>
    private static bool UpdateSnapshots => Environment.GetEnvironmentVariable("DATAGATE_UPDATE_SNAPSHOTS") == "1";

    [Theory]
    [InlineData("report.json")]
    [InlineData("metrics.csv")]
    [InlineData("kept.csv")]
    [InlineData("summary.md")]
    [InlineData("train.csv")]
    [InlineData("val.csv")]
    [InlineData("test.csv")]
    public void Should_WriteByteIdenticalOutput_When_ExampleIsChecked(string file)
    {
        string repo = Repo.Root;
        var console = new TestConsole();
        console.Profile.Width = 240;
        int exit = DataGateApp.Run(["check", "--config", Path.Combine(repo, "datagate.yml"), "--out", _out, "--no-progress"], console);
        Assert.Equal(0, exit);

        string snapshot = Path.Combine(repo, "tests", "fixtures", "example-outputs", file);
        string actual = File.ReadAllText(Path.Combine(_out, file));
        Update(snapshot, actual.Replace(repo, "{repo}", StringComparison.Ordinal));
        string expected = File.ReadAllText(snapshot).Replace("{repo}", repo, StringComparison.Ordinal);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Should_WriteByteIdenticalCsv_When_MetricsCommandRunsOnExample()
    {
        string repo = Repo.Root;
        string csv = Path.Combine(_out, "metrics.csv");
        var console = new TestConsole();
        int exit = DataGateApp.Run(["metrics", Path.Combine(repo, "examples", "faces"), "--out", csv, "--no-progress"], console);
        Assert.Equal(0, exit);

        string snapshot = Path.Combine(repo, "tests", "fixtures", "example-outputs", "metrics-command.csv");
        Update(snapshot, File.ReadAllText(csv));
        Assert.Equal(File.ReadAllText(snapshot), File.ReadAllText(csv));
    }

    private static void Update(string snapshot, string content)
    {
        if (UpdateSnapshots)
        {
            File.WriteAllText(snapshot, content);
        }
    }
}
