using DataGate.Benchmarks;
using Spectre.Console.Testing;

namespace DataGate.Cli.Tests;

public sealed class DuplicatesCommandTests : IDisposable
{
    private readonly TestDataset _data = new();

    public void Dispose() => _data.Dispose();

    private void Face(int seed, string name, string? variant = null) => _data.Bytes(name, SyntheticFaces.JpegOf(seed, variant));

    [Fact]
    public void Should_PrintGroupsAndWriteCsvWithEvidence_When_FolderHasCopies()
    {
        Face(1, "a.jpg");
        Face(1, "a_mirror.jpg", "mirrored");
        Face(1, "a_small.jpg", "resized");
        Face(2, "b.jpg");
        File.Copy(Path.Combine(_data.Images, "b.jpg"), Path.Combine(_data.Images, "b_copy.jpg"));
        Face(3, "c.jpg");
        var csv = Path.Combine(_data.Root, "d.csv");
        var console = new TestConsole();
        console.Profile.Width = 240;

        int exit = DataGateApp.Run(["duplicates", _data.Images, "--out", csv, "--no-progress"], console);

        Assert.Equal(0, exit);
        var rows = File.ReadAllLines(csv).Select(l => l.Split(',')).ToList();
        Assert.Equal("group,kind,path,kept,linked_to,distance,dhash_distance,correlation,mirrored,similarity", string.Join(",", rows[0]));
        var exact = rows.Where(r => r[1] == "exact_bytes").ToList();
        Assert.Equal(["b.jpg", "b_copy.jpg"], exact.Select(r => r[2]));
        var near = rows.Where(r => r[1] == "near").ToList();
        Assert.Equal(["a.jpg", "a_mirror.jpg", "a_small.jpg"], near.Select(r => r[2]));
        Assert.Equal("true", near.Single(r => r[2] == "a_mirror.jpg")[8]);
        Assert.Equal("false", near.Single(r => r[2] == "a_small.jpg")[8]);
        Assert.DoesNotContain(rows, r => r[2] == "c.jpg");
        Assert.Contains("mirrored", console.Output, StringComparison.Ordinal);
        Assert.Contains("1 exact and 1 near group(s), 3 copies", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_MissMirror_When_NoMirrorIsGiven()
    {
        Face(1, "a.jpg");
        Face(1, "a_mirror.jpg", "mirrored");
        var csv = Path.Combine(_data.Root, "d.csv");

        int exit = DataGateApp.Run(["duplicates", _data.Images, "--out", csv, "--no-mirror", "--no-progress"], new TestConsole());

        Assert.Equal(0, exit);
        Assert.Single(File.ReadAllLines(csv));
    }

    [Theory]
    [InlineData("--confirm", "maybe")]
    [InlineData("--hash", "md5")]
    [InlineData("--max-distance", "40")]
    [InlineData("--method", "cnn")]
    [InlineData("--method", "embedding")]
    [InlineData("--model", "missing.onnx")]
    [InlineData("--min-similarity", "1.5")]
    public void Should_ExitTwo_When_OptionIsInvalid(string option, string value)
    {
        Face(1, "a.jpg");
        var console = new TestConsole();

        int exit = DataGateApp.Run(["duplicates", _data.Images, option, value, "--no-progress"], console);

        Assert.Equal(2, exit);
        Assert.Contains(option, console.Output, StringComparison.Ordinal);
    }
}
