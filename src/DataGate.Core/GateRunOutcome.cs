using DataGate.Core.Diagnostics;
using DataGate.Core.Reports;
using DataGate.Core.Rules;

namespace DataGate.Core;

/// <summary>What a whole gate run produced.</summary>
public sealed class GateRunOutcome
{
    /// <summary>The verdict; null when the configuration could not be loaded.</summary>
    public GateResult? Result { get; init; }

    /// <summary>Configuration and output diagnostics (rule-file errors, report write failures).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];

    /// <summary>Files written, each with its kind.</summary>
    public IReadOnlyList<ReportFile> Written { get; init; } = [];

    /// <summary>
    /// Path of datagate-error.log in the output folder when an internal error (DG9001) occurred, for the run or for an
    /// image: the full exceptions (type, message, stack, inner exceptions) are there; null otherwise.
    /// </summary>
    public string? ErrorLog { get; init; }

    /// <summary>The kept manifest (kept.csv) when it was written, else null.</summary>
    public ReportFile? KeptManifest => Written.FirstOrDefault(f => f.Kind == ReportFileKind.KeptManifest);

    /// <summary>Process exit code: 0 passed, 1 gate failed, 2 configuration error, 3 internal error.</summary>
    public int ExitCode => Diagnostics.Any(d => DiagnosticCodes.CategoryOf(d) == DiagnosticCategory.Internal || (DiagnosticCodes.CategoryOf(d) == DiagnosticCategory.Output && d.Severity == Severity.Error))
        ? ExitCodes.InternalError
        : Diagnostics.Any(d => d.Severity == Severity.Error && DiagnosticCodes.CategoryOf(d) == DiagnosticCategory.Configuration) || Result is null
            ? ExitCodes.ConfigError
            : Result.Passed ? ExitCodes.Passed : ExitCodes.GateFailed;
}
