namespace DataGate.Cli.Tests.EndToEnd;

/// <summary>The repository the tests run from (the folder holding DataGate.sln above the test assembly).</summary>
internal static class RepositoryRoot
{
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DataGate.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("DataGate.sln not found above the test assembly");
    }
}
