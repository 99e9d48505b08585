namespace DataGate.ML.Tests;

internal static class Repo
{
    private static readonly Lazy<string> s_root = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DataGate.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("DataGate.sln not found above the test folder");
    });

    public static string Root => s_root.Value;

    /// <summary>/work/shared/golden's copy in the repository.</summary>
    public static string Golden => Path.Combine(Root, "tests", "fixtures", "golden");
}
