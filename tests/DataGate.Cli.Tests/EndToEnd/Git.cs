namespace DataGate.Cli.Tests.EndToEnd;

/// <summary>Facts about the clone the tests run in.</summary>
internal static class Git
{
    public static string Head(string repository)
    {
        var (code, output) = ChildProcess.Run("git", repository, null, TimeSpan.FromMinutes(1), "rev-parse", "HEAD");
        Assert.True(code == 0, output);
        return output.Trim();
    }
}
