using System.Globalization;

namespace DataGate.Cli.Tests.EndToEnd;

/// <summary>
/// Runs the release script build/pack.sh once per test run, with a unique prerelease version, into a temporary feed,
/// then installs the <c>datagate</c> tool from that feed into a temporary tool path, with its own nuget.config and
/// package folder (no stale copy from an earlier run, nothing left in the user's caches).
/// </summary>
public sealed class PackedFeedFixture : IDisposable
{
    private static readonly TimeSpan s_packTimeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan s_installTimeout = TimeSpan.FromMinutes(3);

    public PackedFeedFixture()
    {
        Root = Directory.CreateTempSubdirectory("dg-tool-e2e-").FullName;
        Feed = Path.Combine(Root, "feed");
        ToolPath = Path.Combine(Root, "tools");
        Version = string.Create(CultureInfo.InvariantCulture, $"0.1.0-e2e.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}");
        Repository = RepositoryRoot.Find();

        // The script under test, as a release would run it. Its intermediate folder is its own (never the repository's
        // bin/obj, which this test run is using) but inside the clone, as by default, so that the deterministic source
        // paths (/_/) cover the generated files too.
        Artifacts = Path.Combine(Repository, "artifacts", "e2e-pack-" + Version);
        var (packCode, packOutput) = ChildProcess.Run("bash", Repository, null, s_packTimeout,
            Path.Combine(Repository, "build", "pack.sh"), Version, "--output", Feed, "--artifacts", Artifacts);
        PackOutput = packOutput;
        if (packCode != 0)
        {
            throw new InvalidOperationException($"build/pack.sh failed ({packCode}):\n{packOutput}");
        }

        string config = Path.Combine(Root, "nuget.config");
        File.WriteAllText(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{Feed}" />
              </packageSources>
            </configuration>
            """);
        var isolated = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(Root, "packages") };
        var (installCode, installOutput) = ChildProcess.Run("dotnet", Root, isolated, s_installTimeout,
            "tool", "install", "datagate", "--tool-path", ToolPath, "--version", Version, "--configfile", config);
        if (installCode != 0)
        {
            throw new InvalidOperationException($"dotnet tool install datagate failed ({installCode}):\n{installOutput}");
        }
    }

    public string Root { get; }

    public string Feed { get; }

    public string ToolPath { get; }

    public string Version { get; }

    public string Repository { get; }

    public string Artifacts { get; }

    public string PackOutput { get; }

    /// <summary>The installed command (the shim dotnet tool install created).</summary>
    public string Tool => Path.Combine(ToolPath, OperatingSystem.IsWindows() ? "datagate.exe" : "datagate");

    public void Dispose()
    {
        foreach (var folder in new[] { Root, Artifacts })
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a build server may still hold a file.
            }
        }
    }
}
