namespace DataGate.Core.Diagnostics;

/// <summary>
/// How many images a finding names where a person reads it, before "… and N more". report.json, SARIF and JUnit list
/// every image; only the human-facing views are capped, each for how it is read.
/// </summary>
public static class FindingImageLimits
{
    /// <summary>
    /// Console and build log: 5, so one finding stays a few lines among the others (the same count
    /// <see cref="DiagnosticFolding.DefaultMaxUnfolded"/> uses before it folds a repeated finding). In the build log
    /// a finding naming at most this many images also logs each one as a clickable message.
    /// </summary>
    public const int Console = 5;

    /// <summary>Console with <c>--verbose</c>: 25, enough to see a pattern without paging through thousands.</summary>
    public const int ConsoleVerbose = 25;

    /// <summary>summary.md: 10, read once in a pull request where a longer list is still one screen.</summary>
    public const int Summary = 10;
}
