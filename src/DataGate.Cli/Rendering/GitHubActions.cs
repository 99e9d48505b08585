using System.Text;
using DataGate.Core.Diagnostics;
using DataGate.Core.Reports;

namespace DataGate.Cli.Rendering;

/// <summary>
/// GitHub Actions workflow commands (<c>::error file=…,line=…,col=…::message</c>) for the diagnostics the console
/// shows, and the job summary: summary.md appended to <c>$GITHUB_STEP_SUMMARY</c>. Active when
/// <c>GITHUB_ACTIONS=true</c>.
/// </summary>
internal sealed class GitHubActions
{
    private readonly string? _workspace;
    private readonly string? _stepSummary;

    private GitHubActions(string? workspace, string? stepSummary)
    {
        _workspace = workspace;
        _stepSummary = stepSummary;
    }

    /// <summary>The GitHub Actions context of this process, or null outside GitHub Actions.</summary>
    public static GitHubActions? Detect(Func<string, string?> environment) =>
        string.Equals(environment("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase)
            ? new GitHubActions(Empty(environment("GITHUB_WORKSPACE")), Empty(environment("GITHUB_STEP_SUMMARY")))
            : null;

    /// <summary>The workflow command for one diagnostic (file relative to the workspace when inside it).</summary>
    public string Command(Diagnostic d, string? imageFullPath)
    {
        var kind = d.Severity switch { Severity.Error => "error", Severity.Warning => "warning", _ => "notice" };
        var props = new List<string>();
        string? file = d.Location?.File ?? imageFullPath;
        if (file is not null)
        {
            props.Add("file=" + Property(Relative(file)));
            if (d.Location is { Line: > 0 } at)
            {
                props.Add("line=" + at.Line);
                props.Add("col=" + Math.Max(at.Column, 1));
            }
        }

        props.Add("title=" + Property(d.Code));
        var message = d.Message + (d.ImagePath is not null && d.Location is not null ? $" [{d.ImagePath}]" : string.Empty);
        return $"::{kind} {string.Join(',', props)}::{Data(message)}";
    }

    /// <summary>Appends summary.md to the step summary file; returns a DG3021 warning when it cannot.</summary>
    public Diagnostic? AppendSummary(IReadOnlyList<ReportFile> written)
    {
        var summary = written.FirstOrDefault(f => f.Kind == ReportFileKind.Summary);
        if (_stepSummary is null || summary is null)
        {
            return null;
        }

        try
        {
            var text = File.ReadAllText(summary.Path);
            File.AppendAllText(_stepSummary, text.EndsWith('\n') ? text : text + "\n", new UTF8Encoding(false));
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return DiagnosticCodes.StepSummaryFailed.Create($"cannot append summary.md to GITHUB_STEP_SUMMARY '{_stepSummary}': {ex.Message}");
        }
    }

    private string Relative(string file)
    {
        if (_workspace is null || !Path.IsPathRooted(file))
        {
            return file.Replace('\\', '/');
        }

        var relative = Path.GetRelativePath(_workspace, file);
        return (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? file : relative).Replace('\\', '/');
    }

    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    // Escaping as the Actions runner's command parser expects (actions/toolkit: escapeData / escapeProperty).
    private static string Data(string s) => s.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    private static string Property(string s) => Data(s).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
