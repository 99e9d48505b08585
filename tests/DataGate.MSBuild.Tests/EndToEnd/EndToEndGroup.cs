namespace DataGate.MSBuild.Tests.EndToEnd;

/// <summary>All end-to-end tests share one packed package and run one after another (each is a real build).</summary>
[CollectionDefinition(Name)]
public sealed class EndToEndGroup : ICollectionFixture<PackedPackageFixture>
{
    public const string Name = "MSBuild end-to-end";
}
