namespace DataGate.Cli.Tests.EndToEnd;

/// <summary>The packaging tests share one packed feed and one installed tool.</summary>
[CollectionDefinition(Name)]
public sealed class ToolPackageGroup : ICollectionFixture<PackedFeedFixture>
{
    public const string Name = "Packages end-to-end";
}
