using DataGate.Core.Config;
using DataGate.Core.Scanning;

namespace DataGate.Core.Tests.Scanning;

public sealed class DatasetScannerTests : IDisposable
{
    private readonly string _base = Directory.CreateTempSubdirectory("dg-scan-").FullName;

    public void Dispose() => Directory.Delete(_base, recursive: true);

    private string Root => Path.Combine(_base, "root");

    private void Touch(string relative)
    {
        var full = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, [1]);
    }

    [Fact]
    public void Should_ListMatchesInOrdinalOrderWithSlashes_When_GlobsSelectFiles()
    {
        foreach (var f in new[] { "b.jpg", "A.JPG", "sub/c.png", "sub/deep/d.jpg", "notes.txt", "sub/skip/e.jpg" })
        {
            Touch(f);
        }

        var result = DatasetScanner.Scan(new DatasetSettings { Root = Root, Include = ["**/*.jpg", "**/*.png"], Exclude = ["sub/skip/**"] });
        Assert.Equal(["A.JPG", "b.jpg", "sub/c.png", "sub/deep/d.jpg"], result.Files.Select(f => f.RelativePath));
        Assert.Empty(result.Refused);
    }

    [Fact]
    public void Should_RefuseLinkLeadingOutsideRoot_When_FileLinkPointsOut()
    {
        Touch("in.jpg");
        var outside = Path.Combine(_base, "secret.jpg");
        File.WriteAllBytes(outside, [1]);
        File.CreateSymbolicLink(Path.Combine(Root, "link.jpg"), outside);
        File.CreateSymbolicLink(Path.Combine(Root, "inner.jpg"), Path.Combine(Root, "in.jpg"));
        Directory.CreateDirectory(Path.Combine(_base, "elsewhere"));
        File.WriteAllBytes(Path.Combine(_base, "elsewhere", "x.jpg"), [1]);
        Directory.CreateSymbolicLink(Path.Combine(Root, "dirlink"), Path.Combine(_base, "elsewhere"));

        var result = DatasetScanner.Scan(new DatasetSettings { Root = Root });
        Assert.Equal(["in.jpg", "inner.jpg"], result.Files.Select(f => f.RelativePath));
        var refused = Assert.Single(result.Refused);
        Assert.Equal("link.jpg", refused.Path);
        Assert.Equal("DG3010", refused.Reason.Code);
        Assert.Contains(result.Diagnostics, d => d.Code == "DG3010" && d.Message.Contains("dirlink", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_TerminateOnce_When_FolderLinkFormsACycle()
    {
        Touch("a/x.jpg");
        Directory.CreateSymbolicLink(Path.Combine(Root, "a", "loop"), Root);
        var result = DatasetScanner.Scan(new DatasetSettings { Root = Root });
        Assert.Equal(["a/x.jpg"], result.Files.Select(f => f.RelativePath));
    }
}
