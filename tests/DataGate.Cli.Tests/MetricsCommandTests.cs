using Spectre.Console.Testing;

namespace DataGate.Cli.Tests;

public sealed class MetricsCommandTests : IDisposable
{
    private readonly TestDataset _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public void Should_WriteOneRowPerFileInOrdinalOrder_When_FolderHasImages()
    {
        _data.Noise("b.png", 1);
        _data.Flat("a.png", 10);
        Directory.CreateDirectory(Path.Combine(_data.Images, "sub"));
        _data.Noise("sub/c.png", 3);
        _data.Bytes("z.jpg", []);
        var csv = Path.Combine(_data.Root, "m.csv");
        var console = new TestConsole();
        int exit = DataGateApp.Run(["metrics", _data.Images, "--out", csv, "--no-progress"], console);
        Assert.Equal(0, exit);
        var lines = File.ReadAllLines(csv);
        Assert.StartsWith("path,format,mode,width,height,channels,is_grayscale,file_size,exif_orientation,aspect_ratio,color_variance", lines[0], StringComparison.Ordinal);
        Assert.EndsWith(",error", lines[0], StringComparison.Ordinal);
        Assert.Equal(["a.png", "b.png", "sub/c.png", "z.jpg"], lines.Skip(1).Select(l => l.Split(',')[0]));
        Assert.Contains("DG3002", lines[4], StringComparison.Ordinal);
        Assert.Contains(",true,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Should_ExitTwo_When_FolderDoesNotExist()
    {
        var console = new TestConsole();
        int exit = DataGateApp.Run(["metrics", Path.Combine(_data.Root, "nope"), "--no-progress"], console);
        Assert.Equal(2, exit);
    }
}
