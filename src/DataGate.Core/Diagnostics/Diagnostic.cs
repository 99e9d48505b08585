namespace DataGate.Core.Diagnostics;

/// <summary>
/// One message DataGate reports: a stable code (<c>DG1xxx</c> configuration, <c>DG2xxx</c> data rules,
/// <c>DG3xxx</c> I/O and decoding, <c>DG9xxx</c> internal), a severity, a message, and where it applies.
/// </summary>
/// <param name="Code">Stable code such as <c>DG3001</c>; see <see cref="DiagnosticCodes"/>.</param>
/// <param name="Severity">How serious it is.</param>
/// <param name="Message">One sentence for a person.</param>
/// <param name="Location">Position in the rule file or manifest, when there is one.</param>
/// <param name="ImagePath">Dataset-relative path (with <c>/</c>) of the image it is about, when there is one.</param>
/// <param name="RuleId">Id of the rule that produced it, when there is one.</param>
public sealed record Diagnostic(
    string Code,
    Severity Severity,
    string Message,
    SourceSpan? Location = null,
    string? ImagePath = null,
    string? RuleId = null)
{
    /// <summary>
    /// For an internal error (DG9001): the full exception (type, message, stack, inner exceptions) for the error log
    /// and a build log at high verbosity; null otherwise. Never shown in the one-line message.
    /// </summary>
    public string? Details { get; init; }

    /// <summary>Formats like a compiler message: <c>file(l,c): error DG1001: message [image]</c>, or <c>image: error DG3005: message</c> when only an image is known.</summary>
    public override string ToString()
    {
        var where = Location is not null ? Location + ": " : ImagePath is not null ? ImagePath + ": " : string.Empty;
        var sev = Severity switch { Severity.Error => "error", Severity.Warning => "warning", _ => "info" };
        var image = ImagePath is null || Location is null ? string.Empty : $" [{ImagePath}]";
        return $"{where}{sev} {Code}: {Message}{image}";
    }
}
