using DataGate.Core.Diagnostics;
using DataGate.Core.Rules;

namespace DataGate.Core;

/// <summary>What a whole gate run produced.</summary>
public sealed class GateRunOutcome
{
    /// <summary>The verdict; null when the configuration could not be loaded.</summary>
    public GateResult? Result { get; init; }

    /// <summary>Configuration and output diagnostics (rule-file errors, report write failures).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];

    /// <summary>Files written.</summary>
    public IReadOnlyList<string> Written { get; init; } = [];

    /// <summary>Process exit code: 0 passed, 1 gate failed, 2 configuration error, 3 internal error.</summary>
    public int ExitCode => Diagnostics.Any(d => d.Code.StartsWith("DG9", StringComparison.Ordinal) || d.Code == DiagnosticCodes.WriteFailed.Code)
        ? ExitCodes.InternalError
        : Diagnostics.Any(d => d.Severity == Severity.Error && d.Code.StartsWith("DG1", StringComparison.Ordinal)) || Result is null
            ? ExitCodes.ConfigError
            : Result.Passed ? ExitCodes.Passed : ExitCodes.GateFailed;
}
