namespace DataGate.Cli.Tests;

/// <summary>The repository checkout the tests run from.</summary>
internal static class Repo
{
    /// <summary>The folder holding DataGate.sln.</summary>
    public static string Root { get; } = Find();

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DataGate.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new DirectoryNotFoundException("DataGate.sln not found");
    }
}
