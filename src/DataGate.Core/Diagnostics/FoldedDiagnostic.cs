namespace DataGate.Core.Diagnostics;

/// <summary>One line of folded console or build-log output (see <see cref="DiagnosticFolding"/>).</summary>
public sealed class FoldedDiagnostic
{
    /// <summary>Creates a line.</summary>
    /// <param name="diagnostic">What to show: a member itself, or the summary of a folded group.</param>
    /// <param name="members">The diagnostics the line stands for, in order (one when not folded).</param>
    public FoldedDiagnostic(Diagnostic diagnostic, IReadOnlyList<Diagnostic> members)
    {
        Diagnostic = diagnostic;
        Members = members;
    }

    /// <summary>What to show: a member itself, or the summary of a folded group.</summary>
    public Diagnostic Diagnostic { get; }

    /// <summary>The diagnostics the line stands for, in order (one when not folded).</summary>
    public IReadOnlyList<Diagnostic> Members { get; }

    /// <summary>True when the line summarises more than one diagnostic.</summary>
    public bool IsFolded => Members.Count > 1;
}
