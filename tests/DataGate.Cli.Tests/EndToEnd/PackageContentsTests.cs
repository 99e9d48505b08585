using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;

namespace DataGate.Cli.Tests.EndToEnd;

/// <summary>What build/pack.sh puts in the feed: every package, its metadata, and the symbols of its assemblies.</summary>
[Collection(ToolPackageGroup.Name)]
public sealed class PackageContentsTests
{
    private readonly PackedFeedFixture _feed;

    public PackageContentsTests(PackedFeedFixture feed) => _feed = feed;

    [Fact]
    public void Should_PackEveryShippedProjectWithOneVersion_When_PackShRuns()
    {
        var packages = Packages().ToList();
        var ids = packages.Select(p => p.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);

        Assert.Contains("datagate", ids);
        Assert.Contains("DataGate.MSBuild", ids);
        Assert.Contains("DataGate.ML", ids);

        Assert.All(packages, p => Assert.Equal(_feed.Version, p.Version));
        Assert.Equal(_feed.Version, File.ReadAllText(Path.Combine(_feed.Feed, "version.txt")).Trim());
        foreach (var id in ids)
        {
            Assert.Contains($"packed {id} {_feed.Version}", _feed.PackOutput, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Should_ResolveEveryDataGateDependencyFromTheFeed_When_APackageDependsOnAnother()
    {
        var packages = Packages().ToList();
        var inFeed = packages.Select(p => (p.Id.ToUpperInvariant(), p.Version)).ToHashSet();

        foreach (var package in packages)
        {
            foreach (var (id, version) in package.Dependencies.Where(d => d.Id.StartsWith("DataGate", StringComparison.OrdinalIgnoreCase)))
            {
                Assert.True(inFeed.Contains((id.ToUpperInvariant(), version)), $"{package.Id} depends on {id} {version}, which is not in the feed");
            }
        }
    }

    [Fact]
    public void Should_CarryLibSkiaSharpForEveryPlatform_When_AHostPackageIsOpened()
    {
        // The libjpeg-turbo decode engine is native: the tool and the MSBuild task must bring it for each platform.
        var packages = Packages().ToDictionary(p => p.Id, StringComparer.Ordinal);
        var places = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["datagate"] = "tools/net10.0/any/",
            ["DataGate.MSBuild"] = "tasks/net10.0/",
        };
        foreach (var (id, folder) in places)
        {
            var files = packages[id].Files;
            foreach (var native in new[] { "runtimes/linux-x64/native/libSkiaSharp.so", "runtimes/linux-arm64/native/libSkiaSharp.so", "runtimes/linux-musl-x64/native/libSkiaSharp.so", "runtimes/win-x64/native/libSkiaSharp.dll", "runtimes/osx/native/libSkiaSharp.dylib" })
            {
                Assert.Contains(folder + native, files);
            }

            Assert.Contains(folder + "SkiaSharp.dll", files);
        }

        // The deps file is what gives the task's AssemblyLoadContext a resolver for runtimes/<rid>/native.
        Assert.Contains("tasks/net10.0/DataGate.MSBuild.deps.json", packages["DataGate.MSBuild"].Files);
    }

    [Fact]
    public void Should_CarryReadmeLicenceAndRepository_When_APackageIsOpened()
    {
        string head = Git.Head(_feed.Repository);

        foreach (var package in Packages())
        {
            var m = package.Metadata;
            Assert.Equal("MIT", m.Element(m.Name.Namespace + "license")?.Value);
            Assert.Equal("README.md", m.Element(m.Name.Namespace + "readme")?.Value);
            Assert.False(string.IsNullOrWhiteSpace(m.Element(m.Name.Namespace + "description")?.Value), package.Id);
            Assert.False(string.IsNullOrWhiteSpace(m.Element(m.Name.Namespace + "authors")?.Value), package.Id);
            Assert.False(string.IsNullOrWhiteSpace(m.Element(m.Name.Namespace + "tags")?.Value), package.Id);
            Assert.StartsWith("https://", m.Element(m.Name.Namespace + "projectUrl")?.Value, StringComparison.Ordinal);
            var repository = m.Element(m.Name.Namespace + "repository")!;
            Assert.Equal("git", repository.Attribute("type")?.Value);
            // Never a machine's local path (a clone's origin may be one).
            Assert.StartsWith("https://", repository.Attribute("url")?.Value, StringComparison.Ordinal);
            Assert.Equal(head, repository.Attribute("commit")?.Value);
            Assert.Contains("README.md", package.Files);
            Assert.Contains("LICENSE", package.Files);
            Assert.Contains("THIRD-PARTY-NOTICES.md", package.Files);
            Assert.Contains($"# {package.Id}", package.Read("README.md"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Should_ShipLibraryWithPinnedMlNetDependencies_When_DataGateMlIsPacked()
    {
        var package = Packages().Single(p => p.Id == "DataGate.ML");
        var m = package.Metadata;

        Assert.Contains("lib/net10.0/DataGate.ML.dll", package.Files);
        Assert.Contains("lib/net10.0/DataGate.ML.xml", package.Files);
        Assert.Contains(("DataGate.Core", _feed.Version), package.Dependencies);
        Assert.Contains(("Microsoft.ML", "5.0.1"), package.Dependencies);
        Assert.Contains(("Microsoft.ML.ImageAnalytics", "5.0.1"), package.Dependencies);
        Assert.Contains(("SkiaSharp", "2.88.9"), package.Dependencies);
        Assert.Contains("ml.net", m.Element(m.Name.Namespace + "tags")!.Value, StringComparison.Ordinal);
        var readme = package.Read("README.md");
        Assert.Contains("dotnet add package DataGate.ML", readme, StringComparison.Ordinal);
        Assert.Contains("ComputeImageMetrics", readme, StringComparison.Ordinal);
        Assert.Contains("FilterKept", readme, StringComparison.Ordinal);
        Assert.Contains("StratifiedSplit", readme, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_EmbedSymbolsWithDeterministicPaths_When_AnAssemblyIsShipped()
    {
        int checkedAssemblies = 0;
        foreach (var package in Packages())
        {
            foreach (var dll in package.Files.Where(f => Path.GetFileName(f).StartsWith("DataGate.", StringComparison.OrdinalIgnoreCase)
                         || Path.GetFileName(f).Equals("datagate.dll", StringComparison.OrdinalIgnoreCase)))
            {
                if (!dll.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var documents = EmbeddedPdbDocuments(package.ReadBytes(dll));
                Assert.True(documents.Count > 0, $"{package.Id}/{dll}: no embedded PDB");
                // ContinuousIntegrationBuild: source paths are mapped to /_/, so no build machine's folder is recorded.
                Assert.All(documents, d => Assert.StartsWith("/_/", d, StringComparison.Ordinal));
                Assert.DoesNotContain(documents, d => d.Contains(_feed.Repository, StringComparison.Ordinal));
                checkedAssemblies++;
            }
        }

        Assert.True(checkedAssemblies >= 4, $"only {checkedAssemblies} DataGate assemblies found in the packages");
    }

    private static List<string> EmbeddedPdbDocuments(byte[] image)
    {
        using var pe = new PEReader(new MemoryStream(image));
        var entry = pe.ReadDebugDirectory().SingleOrDefault(e => e.Type == DebugDirectoryEntryType.EmbeddedPortablePdb);
        if (entry.DataSize == 0)
        {
            return [];
        }

        using var provider = pe.ReadEmbeddedPortablePdbDebugDirectoryData(entry);
        var pdb = provider.GetMetadataReader();
        return pdb.Documents.Select(h => pdb.GetString(pdb.GetDocument(h).Name)).ToList();
    }

    private IEnumerable<PackageFile> Packages() =>
        Directory.GetFiles(_feed.Feed, "*.nupkg").Select(path => new PackageFile(path));

    /// <summary>One .nupkg: its nuspec metadata and file list.</summary>
    private sealed class PackageFile
    {
        private readonly string _path;

        public PackageFile(string path)
        {
            _path = path;
            using var zip = ZipFile.OpenRead(path);
            Files = zip.Entries.Select(e => e.FullName).ToList();
            using var nuspec = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
            var doc = XDocument.Load(nuspec);
            Metadata = doc.Root!.Element(doc.Root.Name.Namespace + "metadata")!;
            var ns = Metadata.Name.Namespace;
            Id = Metadata.Element(ns + "id")!.Value;
            Version = Metadata.Element(ns + "version")!.Value;
            Dependencies = Metadata.Descendants(ns + "dependency")
                .Select(d => (d.Attribute("id")!.Value, d.Attribute("version")!.Value)).ToList();
        }

        public string Id { get; }

        public string Version { get; }

        public XElement Metadata { get; }

        public List<string> Files { get; }

        public List<(string Id, string Version)> Dependencies { get; }

        public byte[] ReadBytes(string entryName)
        {
            using var zip = ZipFile.OpenRead(_path);
            using var stream = zip.GetEntry(entryName)!.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }

        public string Read(string entryName) => System.Text.Encoding.UTF8.GetString(ReadBytes(entryName));
    }
}
