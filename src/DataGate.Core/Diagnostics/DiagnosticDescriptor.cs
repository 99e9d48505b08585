namespace DataGate.Core.Diagnostics;

/// <summary>The fixed facts about one diagnostic code: its id, a short title, its default severity and its category.</summary>
/// <param name="Code">Stable code, e.g. <c>DG3005</c>.</param>
/// <param name="Title">Short title used in the documentation table.</param>
/// <param name="DefaultSeverity">Severity unless a rule's action says otherwise.</param>
/// <param name="Category">What the code is about (configuration, data, input, output, internal).</param>
public sealed record DiagnosticDescriptor(string Code, string Title, Severity DefaultSeverity, DiagnosticCategory Category)
{
    /// <summary>Creates a diagnostic with this code and the default severity.</summary>
    public Diagnostic Create(string message, SourceSpan? location = null, string? imagePath = null, string? ruleId = null)
        => new(Code, DefaultSeverity, message, location, imagePath, ruleId);

    /// <summary>Creates a diagnostic with this code and an explicit severity.</summary>
    public Diagnostic Create(Severity severity, string message, SourceSpan? location = null, string? imagePath = null, string? ruleId = null)
        => new(Code, severity, message, location, imagePath, ruleId);
}
