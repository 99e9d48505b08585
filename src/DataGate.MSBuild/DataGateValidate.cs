using DataGate.Core;
using DataGate.Core.Diagnostics;
using DataGate.Core.Imaging;
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

    /// <summary><c>true</c> (default) writes report.html into <see cref="ReportDirectory"/>; <c>false</c> does not.</summary>
    public string? HtmlReport { get; set; }

    /// <summary>Path of a JUnit XML report to write; empty writes none.</summary>
    public string? JUnitFile { get; set; }

    /// <summary>Path of a SARIF 2.1.0 log to write; empty writes none.</summary>
    public string? SarifFile { get; set; }

    /// <summary><c>libjpeg-turbo</c> or <c>imagesharp</c> (<c>DataGateDecodeEngine</c>); empty keeps datagate.yml's <c>decode.engine</c>.</summary>
    public string? DecodeEngine { get; set; }

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

        if (!bool.TryParse(string.IsNullOrWhiteSpace(HtmlReport) ? "true" : HtmlReport.Trim(), out bool html))
        {
            Log.LogError(null, DiagnosticCodes.BadReportOption.Code, null, BuildEngine?.ProjectFileOfTaskNode, 0, 0, 0, 0,
                $"DataGateHtmlReport must be 'true' or 'false', not '{HtmlReport}'");
            return;
        }

        DecodeEngine? engine = null;
        if (!string.IsNullOrWhiteSpace(DecodeEngine))
        {
            if (!DecodeEngineNames.TryParse(DecodeEngine.Trim(), out var parsed))
            {
                Log.LogError(null, DiagnosticCodes.UnknownDecodeEngine.Code, null, BuildEngine?.ProjectFileOfTaskNode, 0, 0, 0, 0,
                    $"DataGateDecodeEngine must be one of {string.Join(", ", DecodeEngineNames.All)}, not '{DecodeEngine}'");
                return;
            }

            engine = parsed;
        }

        var options = new GateRunOptions
        {
            DecodeEngine = engine,
            OutputDirectory = string.IsNullOrWhiteSpace(ReportDirectory) ? null : ReportDirectory,
            CacheDirectory = string.IsNullOrWhiteSpace(CacheDirectory) ? null : CacheDirectory,
            HtmlReport = html ? Core.Reports.HtmlReportOptions.Default : null,
            JUnitPath = string.IsNullOrWhiteSpace(JUnitFile) ? null : JUnitFile,
            SarifPath = string.IsNullOrWhiteSpace(SarifFile) ? null : SarifFile,
            DisplayBasePath = string.IsNullOrWhiteSpace(SarifFile) ? null : Path.GetDirectoryName(Path.GetFullPath(ConfigFile)),
        };
        var outcome = GateRunner.Run(ConfigFile, options, cancellationToken);
        var logger = new DiagnosticLogger(Log, ConfigFile, failOn);
        if (outcome.Result is { } result)
        {
            logger.LogFindings(result.Findings, result.Config.Dataset.Root);

            var c = result.Counts;
            Log.LogMessage(MessageImportance.High, $"DataGate: {(result.Passed ? "passed" : "failed")}: {c.Total} files, {c.Kept} kept, {c.Excluded} excluded, {c.Errored} unreadable ({ConfigFile})");
        }

        foreach (var diagnostic in outcome.Diagnostics)
        {
            logger.Log(diagnostic);
        }

        if (outcome.ErrorLog is { } errorLog)
        {
            Log.LogMessage(MessageImportance.High, $"DataGate: internal errors; the full exceptions are in {errorLog}");
        }

        WrittenFiles = [.. outcome.Written.Select(f => new TaskItem(f.Path))];
        KeptManifest = outcome.KeptManifest is { } kept ? new TaskItem(kept.Path) : null;
        Splits = [.. outcome.Written.Where(f => f.Kind == Core.Reports.ReportFileKind.Split).Select(f => new TaskItem(f.Path, new Dictionary<string, string> { ["Split"] = f.Name ?? string.Empty }))];
    }

    /// <inheritdoc />
    protected override string? ErrorLogDirectory => string.IsNullOrWhiteSpace(ReportDirectory) ? null : ReportDirectory;

    private static bool TryParseFailOn(string? text, out FailOn value)
    {
        value = MSBuild.FailOn.Error;
        return string.IsNullOrWhiteSpace(text) || Enum.TryParse(text.Trim(), ignoreCase: true, out value) && Enum.IsDefined(value);
    }
}
