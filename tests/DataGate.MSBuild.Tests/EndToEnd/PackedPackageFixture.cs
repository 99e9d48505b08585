using System.Globalization;

namespace DataGate.MSBuild.Tests.EndToEnd;

/// <summary>
/// Packs DataGate.MSBuild once per test run, with a unique prerelease version, into a temporary feed; consumer
/// projects restore it from there into a private package folder (so no stale copy from an earlier run is used).
/// </summary>
public sealed class PackedPackageFixture : IDisposable
{
    public PackedPackageFixture()
    {
        Root = Directory.CreateTempSubdirectory("dg-e2e-").FullName;
        Feed = Path.Combine(Root, "feed");
        Packages = Path.Combine(Root, "packages");
        Version = string.Create(CultureInfo.InvariantCulture, $"0.1.0-e2e.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}");
        var repo = FindRepositoryRoot();

        // Own artifacts folder: packing never touches the repository's bin/obj, which the test run is using.
        var (code, output) = Dotnet.Run(repo, null, "pack", Path.Combine(repo, "src", "DataGate.MSBuild", "DataGate.MSBuild.csproj"),
            "-c", "Release", "-o", Feed, $"-p:Version={Version}", "-p:UseArtifactsOutput=true", $"-p:ArtifactsPath={Path.Combine(Root, "artifacts")}");
        if (code != 0)
        {
            throw new InvalidOperationException($"packing DataGate.MSBuild failed ({code}):\n{output}");
        }

        // Consumer projects live below Root: stop MSBuild from importing anything above it.
        File.WriteAllText(Path.Combine(Root, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(Root, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(Root, "Directory.Packages.props"), "<Project />\n");
    }

    public string Root { get; }

    public string Feed { get; }

    public string Packages { get; }

    public string Version { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a build server may still hold a file.
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DataGate.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("DataGate.sln not found above the test assembly");
    }
}
