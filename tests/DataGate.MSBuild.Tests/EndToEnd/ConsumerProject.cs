using DataGate.MSBuild.Tests.Support;

namespace DataGate.MSBuild.Tests.EndToEnd;

/// <summary>A training-style project that references the packed DataGate.MSBuild, with its own nuget.config and dataset.</summary>
internal sealed class ConsumerProject
{
    private readonly PackedPackageFixture _package;

    public ConsumerProject(PackedPackageFixture package, string name, string extraProperties = "")
    {
        _package = package;
        Directory = System.IO.Directory.CreateDirectory(Path.Combine(package.Root, name + "-" + Guid.NewGuid().ToString("N")[..8])).FullName;
        System.IO.Directory.CreateDirectory(Data);
        File.WriteAllText(Path.Combine(Directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{package.Feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="local"><package pattern="DataGate.*" /></packageSource>
                <packageSource key="nuget.org"><package pattern="*" /></packageSource>
              </packageSourceMapping>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(Directory, "Training.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                {extraProperties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="DataGate.MSBuild" Version="{package.Version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(Directory, "Model.cs"), "namespace Training;\n\npublic static class Model\n{\n    public const int Version = 1;\n}\n");
    }

    public string Directory { get; }

    public string Data => Path.Combine(Directory, "data");

    public string ConfigPath => Path.Combine(Directory, "datagate.yml");

    public string ReportDirectory => Path.Combine(Directory, "obj", "Debug", "net10.0", "datagate");

    public void WriteConfig(string text) => File.WriteAllText(ConfigPath, text);

    public void Image(string name, int seed, bool gray = false) => TestImages.Noise(Path.Combine(Data, name), seed, gray);

    public (int Line, int Column) PositionOf(string text)
    {
        var lines = File.ReadAllLines(ConfigPath);
        for (int i = 0; i < lines.Length; i++)
        {
            int at = lines[i].IndexOf(text, StringComparison.Ordinal);
            if (at >= 0)
            {
                return (i + 1, at + 1);
            }
        }

        throw new InvalidOperationException($"'{text}' is not in the rule file");
    }

    public (int ExitCode, string Output) Build(params string[] extra) =>
        Dotnet.Run(Directory, _package.Packages, ["build", "-nologo", .. extra]);

    public static string Rule(string action, int max = 0) => Workspace.RuleFile("colour", "metric: is_grayscale", $"max: {max}", $"action: {action}");
}
