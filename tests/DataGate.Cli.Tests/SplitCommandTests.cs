using Spectre.Console.Testing;
using static DataGate.Cli.Tests.CliRun;

namespace DataGate.Cli.Tests;

/// <summary><c>datagate split</c>: only the split manifests, on the bundled example and on a rule file without splits.</summary>
public sealed class SplitCommandTests : IDisposable
{
    private readonly string _out = Directory.CreateTempSubdirectory("dg-split-").FullName;

    public void Dispose() => Directory.Delete(_out, recursive: true);

    [Fact]
    public void Should_WriteOnlyTheSplitManifestsCoveringEveryKeptImage_When_TheRuleFileHasSplits()
    {
        var (exit, output) = Run("split", "--config", Path.Combine(Repo.Root, "datagate.yml"), "--out", _out, "--no-progress");

        Assert.True(exit == 0, output);
        Assert.Equal(["test.csv", "train.csv", "val.csv"], Directory.GetFiles(_out).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var kept = File.ReadAllLines(Path.Combine(Repo.Root, "tests", "fixtures", "example-outputs", "kept.csv")).Skip(1).Select(l => l.Split(',')[0]).ToHashSet(StringComparer.Ordinal);
        var split = new[] { "train", "val", "test" }
            .SelectMany(name => File.ReadAllLines(Path.Combine(_out, name + ".csv")).Skip(1).Select(l => l.Split(',')[0]))
            .ToList();
        Assert.Equal(kept.Count, split.Count);
        Assert.True(kept.SetEquals(split), "the splits do not cover exactly the kept images");
        Assert.Contains("splits: train ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_ExitTwoWithDG1005_When_TheRuleFileHasNoSplits()
    {
        var config = Path.Combine(_out, "datagate.yml");
        File.WriteAllText(config, $"version: 1\ndataset:\n  root: {Path.Combine(Repo.Root, "examples", "faces")}\n");

        var (exit, output) = Run("split", "--config", config, "--out", Path.Combine(_out, "o"), "--no-progress");

        Assert.Equal(2, exit);
        Assert.Contains("DG1005", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_out, "o")));
    }
}
