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

    [Fact]
    public void Should_WriteEdaColumns_When_MetricsSelectDefaultAndEda()
    {
        _data.Noise("a.png", 1);
        var csv = Path.Combine(_data.Root, "m.csv");
        int exit = DataGateApp.Run(["metrics", _data.Images, "--out", csv, "--no-progress", "--metrics", "default,eda"], new TestConsole());
        Assert.Equal(0, exit);
        var lines = File.ReadAllLines(csv);
        var header = lines[0].Split(',');
        var row = lines[1].Split(',');
        foreach (var column in new[] { "eda_variance", "eda_unique_colors", "eda_entropy", "eda_brisque", "eda_laplacian_variance", "eda_fft_blur", "eda_luminance", "eda_luminance_bin", "laplacian_variance" })
        {
            int i = Array.IndexOf(header, column);
            Assert.True(i >= 0, column);
            Assert.NotEqual(string.Empty, row[i]);
        }
    }

    [Fact]
    public void Should_WriteNoEdaColumns_When_MetricsAreNotSelected()
    {
        _data.Noise("a.png", 1);
        var csv = Path.Combine(_data.Root, "m.csv");
        Assert.Equal(0, DataGateApp.Run(["metrics", _data.Images, "--out", csv, "--no-progress"], new TestConsole()));
        Assert.DoesNotContain("eda_", File.ReadAllLines(csv)[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Should_ExitTwoWithDG1028_When_MetricsNameIsUnknown()
    {
        _data.Noise("a.png", 1);
        var console = new TestConsole();
        int exit = DataGateApp.Run(["metrics", _data.Images, "--no-progress", "--metrics", "default,edda"], console);
        Assert.Equal(2, exit);
        Assert.Contains("DG1028", console.Output, StringComparison.Ordinal);
        Assert.Contains("'edda'", console.Output, StringComparison.Ordinal);
    }
}
