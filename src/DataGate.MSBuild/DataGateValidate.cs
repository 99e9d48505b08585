using DataGate.Core;
using DataGate.Core.Diagnostics;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace DataGate.MSBuild;

/// <summary>
/// Runs the gate of a rule file (DataGate.Core's <see cref="GateRunner"/>) and logs every finding as an MSBuild
/// error, warning or message at its position in datagate.yml. Fails when an error was logged.
/// </summary>
public sealed class DataGateValidate : DataGateTask
{
    /// <summary>Path of datagate.yml (full path recommended: it is the file of every diagnostic).</summary>
    [Required]
    public string ConfigFile { get; set; } = string.Empty;

    /// <summary>Folder for report.json, summary.md, metrics.csv and kept.csv; empty writes nothing.</summary>
    public string? ReportDirectory { get; set; }

    /// <summary>Folder of the per-image analysis cache; empty decodes every image.</summary>
    public string? CacheDirectory { get; set; }

    /// <summary><c>error</c> (default), <c>warning</c> or <c>none</c>; see <see cref="MSBuild.FailOn"/>.</summary>
    public string? FailOn { get; set; }

    /// <summary>kept.csv, when it was written.</summary>
    [Output]
    public ITaskItem? KeptManifest { get; private set; }

    /// <summary>The split manifests written (splits: in datagate.yml), each with metadata <c>Split</c> (its name).</summary>
    [Output]
    public ITaskItem[] Splits { get; private set; } = [];

    /// <summary>Every file written.</summary>
    [Output]
    public ITaskItem[] WrittenFiles { get; private set; } = [];

    /// <inheritdoc />
    protected override void ExecuteCore(CancellationToken cancellationToken)
    {
        if (!TryParseFailOn(FailOn, out var failOn))
        {
            Log.LogError(null, DiagnosticCodes.OutOfRange.Code, null, BuildEngine?.ProjectFileOfTaskNode, 0, 0, 0, 0,
                $"DataGateFailOn must be 'error', 'warning' or 'none', not '{FailOn}'");
            return;
        }

        var options = new GateRunOptions
        {
            OutputDirectory = string.IsNullOrWhiteSpace(ReportDirectory) ? null : ReportDirectory,
            CacheDirectory = string.IsNullOrWhiteSpace(CacheDirectory) ? null : CacheDirectory,
        };
        var outcome = GateRunner.Run(ConfigFile, options, cancellationToken);
        var logger = new DiagnosticLogger(Log, ConfigFile, failOn);
        if (outcome.Result is { } result)
        {
            foreach (var finding in result.Findings)
            {
                logger.Log(finding.Diagnostic, finding.Images);
            }

            var c = result.Counts;
            Log.LogMessage(MessageImportance.High, $"DataGate: {(result.Passed ? "passed" : "failed")}: {c.Total} files, {c.Kept} kept, {c.Excluded} excluded, {c.Errored} unreadable ({ConfigFile})");
        }

        foreach (var diagnostic in outcome.Diagnostics)
        {
            logger.Log(diagnostic);
        }

        WrittenFiles = [.. outcome.Written.Select(f => new TaskItem(f.Path))];
        KeptManifest = outcome.KeptManifest is { } kept ? new TaskItem(kept.Path) : null;
        Splits = [.. outcome.Written.Where(f => f.Kind == Core.Reports.ReportFileKind.Split).Select(f => new TaskItem(f.Path, new Dictionary<string, string> { ["Split"] = f.Name ?? string.Empty }))];
    }

    private static bool TryParseFailOn(string? text, out FailOn value)
    {
        value = MSBuild.FailOn.Error;
        return string.IsNullOrWhiteSpace(text) || Enum.TryParse(text.Trim(), ignoreCase: true, out value) && Enum.IsDefined(value);
    }
}
