using System.Text;
using DataGate.Core.Diagnostics;
using DataGate.Core.Rules;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace DataGate.MSBuild;

/// <summary>
/// Logs DataGate diagnostics as MSBuild errors, warnings and messages with their DG code, so MSBuild's NoWarn and
/// WarningsAsErrors apply by code. A finding about one image (a decode error, an unlabelled file) has the image as its
/// file, so a click in the IDE opens it; a finding about a rule keeps the rule's position in datagate.yml (and, when it
/// names few images, each image follows as a message with the image as its file). Many findings of one code from one
/// rule are folded into one line (<see cref="DiagnosticFolding"/>); report.json and summary.md keep every one.
/// </summary>
internal sealed class DiagnosticLogger
{
    /// <summary>How many offending images a rule finding names before "and N more".</summary>
    public const int MaxImagesInMessage = FindingImageLimits.Console;

    private readonly TaskLoggingHelper _log;
    private readonly string _configFile;
    private readonly FailOn _failOn;

    public DiagnosticLogger(TaskLoggingHelper log, string configFile, FailOn failOn)
    {
        _log = log;
        _configFile = configFile;
        _failOn = failOn;
    }

    /// <summary>The MSBuild severity of a diagnostic under a <c>DataGateFailOn</c> setting.</summary>
    public static Severity Map(Diagnostic diagnostic, FailOn failOn)
    {
        var category = DiagnosticCodes.CategoryOf(diagnostic);
        bool dataFinding = category is DiagnosticCategory.Data or DiagnosticCategory.Input;
        if (!dataFinding)
        {
            return diagnostic.Severity;
        }

        return (failOn, diagnostic.Severity) switch
        {
            (FailOn.Warning, Severity.Warning) => Severity.Error,
            (FailOn.None, Severity.Error) => Severity.Warning,
            _ => diagnostic.Severity,
        };
    }

    /// <summary>The message text: the diagnostic's message, the image it is about, or the first offending images.</summary>
    public static string Compose(Diagnostic diagnostic, IReadOnlyList<ImageValue>? images)
    {
        var text = new StringBuilder(diagnostic.Message);
        if (diagnostic.ImagePath is not null)
        {
            text.Append(" [").Append(diagnostic.ImagePath).Append(']');
        }
        else if (images is { Count: > 0 })
        {
            text.Append(" [");
            for (int i = 0; i < Math.Min(images.Count, MaxImagesInMessage); i++)
            {
                text.Append(i == 0 ? string.Empty : ", ").Append(images[i].Path);
            }

            if (images.Count > MaxImagesInMessage)
            {
                text.Append(" and ").Append(images.Count - MaxImagesInMessage).Append(" more");
            }

            text.Append(']');
        }

        return text.ToString();
    }

    /// <summary>A rule finding naming at most this many images also logs each image as a clickable message.</summary>
    public const int MaxImagesListedAsFiles = FindingImageLimits.Console;

    /// <summary>Logs a run's findings, folded, with image-level findings located at their image.</summary>
    /// <param name="findings">The findings, in report order.</param>
    /// <param name="datasetRoot">Full path of the dataset folder (image paths are relative to it).</param>
    public void LogFindings(IReadOnlyList<Finding> findings, string datasetRoot)
    {
        var byDiagnostic = new Dictionary<Diagnostic, Finding>(ReferenceEqualityComparer.Instance);
        foreach (var f in findings)
        {
            byDiagnostic.TryAdd(f.Diagnostic, f);
        }

        foreach (var line in DiagnosticFolding.Fold(findings.Select(f => f.Diagnostic)))
        {
            if (line.IsFolded)
            {
                Log(line.Diagnostic);
                continue;
            }

            var finding = byDiagnostic[line.Diagnostic];
            var d = finding.Diagnostic;
            if (d.ImagePath is not null && datasetRoot.Length > 0)
            {
                // About one file: the image is the diagnostic's file; the rule-file position, if any, goes in the text.
                var where = d.Location is null ? string.Empty : $" (rule file {d.Location})";
                Log(d with { Location = new SourceSpan(Path.Combine(datasetRoot, d.ImagePath), 0, 0), ImagePath = null, Message = d.Message + where });
                continue;
            }

            Log(d, finding.Images);
            if (finding.Images.Count is > 0 and <= MaxImagesListedAsFiles && datasetRoot.Length > 0)
            {
                foreach (var image in finding.Images)
                {
                    _log.LogMessage(null, d.Code, null, Path.Combine(datasetRoot, image.Path), 0, 0, 0, 0, MessageImportance.Normal,
                        $"{image.Path}: {(d.RuleId is null ? string.Empty : $"rule '{d.RuleId}': ")}{(double.IsNaN(image.Value) ? string.Empty : image.Value.ToString("G6", System.Globalization.CultureInfo.InvariantCulture))}{(image.Note is null ? string.Empty : " " + image.Note)}".TrimEnd());
                }
            }
        }
    }

    /// <summary>Logs one diagnostic (with the images of its finding, when it has some).</summary>
    public void Log(Diagnostic diagnostic, IReadOnlyList<ImageValue>? images = null)
    {
        var at = diagnostic.Location;
        string file = at?.File ?? _configFile;
        int line = at is { Line: > 0 } ? at.Line : 0;
        int column = line > 0 ? Math.Max(at!.Column, 1) : 0;
        var message = Compose(diagnostic, images);
        switch (Map(diagnostic, _failOn))
        {
            case Severity.Error:
                _log.LogError(null, diagnostic.Code, null, file, line, column, 0, 0, message);
                break;
            case Severity.Warning:
                _log.LogWarning(null, diagnostic.Code, null, file, line, column, 0, 0, message);
                break;
            default:
                _log.LogMessage(null, diagnostic.Code, null, file, line, column, 0, 0, MessageImportance.Normal, message);
                break;
        }

        if (diagnostic.Details is { } details)
        {
            // The full exception of an internal error, shown at detailed verbosity (-v:d) and in binary logs.
            _log.LogMessage(MessageImportance.Low, $"{diagnostic.Code} details: {details}");
        }
    }
}
