using DataGate.Core.Diagnostics;

namespace DataGate.Core.Sharding;

/// <summary>What <c>plan</c> or <c>analyze</c> did: diagnostics, the files written, and the exit code they mean.</summary>
public sealed class ShardRunOutcome
{
    /// <summary>Problems and notes (a skipped shard is a DG3037 note).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];

    /// <summary>Full paths of the files written (empty when a complete shard was skipped).</summary>
    public IReadOnlyList<string> Written { get; init; } = [];

    /// <summary>Inputs listed (plan) or rows written (analyze).</summary>
    public int Rows { get; init; }

    /// <summary>0 when it succeeded, 2 for a configuration or usage problem, 3 for an I/O or internal failure.</summary>
    public int ExitCode => Diagnostics.Any(d => d.Severity == Severity.Error && DiagnosticCodes.CategoryOf(d) is DiagnosticCategory.Internal or DiagnosticCategory.Output or DiagnosticCategory.Input)
        ? ExitCodes.InternalError
        : Diagnostics.Any(d => d.Severity == Severity.Error) ? ExitCodes.ConfigError : ExitCodes.Passed;
}
