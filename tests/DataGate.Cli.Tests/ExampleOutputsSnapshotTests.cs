using Spectre.Console.Testing;

namespace DataGate.Cli.Tests;

/// <summary>
/// `datagate check` on the bundled example writes the same bytes as before the Core API refactor (issue 9): the
/// snapshot in tests/fixtures/example-outputs was produced by main's code before any change, with the repository's
/// path replaced by <c>{repo}</c>.
/// </summary>
public sealed class ExampleOutputsSnapshotTests : IDisposable
{
    private readonly string _out = Directory.CreateTempSubdirectory("dg-snapshot-").FullName;

    public void Dispose() => Directory.Delete(_out, recursive: true);

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

        string expected = File.ReadAllText(Path.Combine(repo, "tests", "fixtures", "example-outputs", file)).Replace("{repo}", repo, StringComparison.Ordinal);
        string actual = File.ReadAllText(Path.Combine(_out, file));
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

        string expected = File.ReadAllText(Path.Combine(repo, "tests", "fixtures", "example-outputs", "metrics-command.csv"));
        Assert.Equal(expected, File.ReadAllText(csv));
    }
}
