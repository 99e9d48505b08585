using DataGate.Core.Config;
using Spectre.Console.Testing;

namespace DataGate.Cli.Tests;

public sealed class InitCommandTests : IDisposable
{
    private readonly TestDataset _data = new();

    public void Dispose() => _data.Dispose();

    private string Config => Path.Combine(_data.Root, "proposed", "datagate.yml");

    private (int Exit, string Output) Init(string dir, params string[] extra)
    {
        var console = new TestConsole();
        console.Profile.Width = 300;
        int exit = DataGateApp.Run(["init", dir, "--config", Config, "--no-progress", .. extra], console);
        return (exit, console.Output);
    }

    [Fact]
    public void Should_ProposeUtkFaceLabelsAndPercentileThresholds_When_RunOnTheBundledExample()
    {
        var (exit, output) = Init(Path.Combine(Repo.Root, "examples", "faces"));
        Assert.Equal(0, exit);
        Assert.Contains("wrote", output, StringComparison.Ordinal);
        var yaml = File.ReadAllText(Config);
        Assert.Contains(@"filename: '^(?<age>\d+)_(?<gender>[01])_(?<race>[0-4])_\d+'", yaml, StringComparison.Ordinal);
        Assert.Contains("296 of 300 file names are UTKFace-style", yaml, StringComparison.Ordinal);
        Assert.Matches(@"metric: laplacian_variance\n    min: [\d.]+\n    action: warn\n    # measured on 298 image\(s\): p1 = ", yaml);
        Assert.Contains("max_errored_fraction: 0.02   # measured: 2 of 300 file(s) could not be decoded", yaml, StringComparison.Ordinal);

        // The proposal is a valid rule file that checks the dataset it was made from.
        var load = ConfigLoader.Load(Config);
        Assert.True(load.Succeeded, string.Join("\n", load.Diagnostics));
        Assert.Equal(["age", "gender", "race"], load.Config!.Fields.Select(f => f.Name));
        Assert.Equal(0, DataGateApp.Run(["check", "--config", Config, "--out", _data.Out, "--no-progress", "--no-html"], new TestConsole()));
    }

    [Fact]
    public void Should_ProposeAFolderLabel_When_ImagesAreInOneFolderPerClass()
    {
        foreach (var (cls, n) in new[] { ("cat", 4), ("dog", 3) })
        {
            Directory.CreateDirectory(Path.Combine(_data.Images, cls));
            for (int i = 0; i < n; i++)
            {
                _data.Noise(Path.Combine(cls, $"{cls}{i}.png"), i + (cls == "cat" ? 0 : 10));
            }
        }

        var (exit, _) = Init(_data.Images);
        Assert.Equal(0, exit);
        var yaml = File.ReadAllText(Config);
        Assert.Contains("    folder: class", yaml, StringComparison.Ordinal);
        Assert.Contains("class: { type: category }   # measured: cat 4, dog 3", yaml, StringComparison.Ordinal);
        Assert.Contains("root: ../images", yaml, StringComparison.Ordinal);
        var load = ConfigLoader.Load(Config);
        Assert.True(load.Succeeded, string.Join("\n", load.Diagnostics));
        Assert.Equal(LabelSourceKind.Folder, load.Config!.Dataset.Labels.Kind);
    }

    [Fact]
    public void Should_ProposeTheManifest_When_ACsvBesideTheImagesNamesThem()
    {
        var lines = new List<string> { "file,age,species" };
        for (int i = 0; i < 12; i++)
        {
            _data.Noise($"img{i}.png", i);
            lines.Add($"img{i}.png,{20 + i},{(i % 2 == 0 ? "cat" : "dog")}");
        }

        File.WriteAllLines(Path.Combine(_data.Images, "labels.csv"), lines);
        Assert.Equal(0, Init(_data.Images).Exit);
        var yaml = File.ReadAllText(Config);
        Assert.Contains("csv: { path: ../images/labels.csv, file_column: file }", yaml, StringComparison.Ordinal);
        Assert.Contains("age: { type: integer }", yaml, StringComparison.Ordinal);
        Assert.Contains("species: { type: category }", yaml, StringComparison.Ordinal);
        var load = ConfigLoader.Load(Config);
        Assert.True(load.Succeeded, string.Join("\n", load.Diagnostics));
    }

    [Fact]
    public void Should_RefuseToOverwrite_When_TheRuleFileExistsWithoutForce()
    {
        _data.Noise("a.png", 1);
        Directory.CreateDirectory(Path.GetDirectoryName(Config)!);
        File.WriteAllText(Config, "mine");

        var (exit, output) = Init(_data.Images);
        Assert.Equal(2, exit);
        Assert.Contains("DG1031", output, StringComparison.Ordinal);
        Assert.Equal("mine", File.ReadAllText(Config));

        Assert.Equal(0, Init(_data.Images, "--force").Exit);
        Assert.StartsWith("# Proposed by `datagate init`", File.ReadAllText(Config), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_ExitTwoWithDG1032_When_NoImageCanBeMeasured()
    {
        _data.Bytes("broken.png", [1, 2, 3]);
        var (exit, output) = Init(_data.Images);
        Assert.Equal(2, exit);
        Assert.Contains("DG1032", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Config));
    }
}
