using DataGate.Core.Diagnostics;

namespace DataGate.Core.Rules;

/// <summary>
/// One result of evaluating a rule: a diagnostic (code, severity, message, rule position) plus the figures behind
/// it and every offending image (reports cap the list in the console, never in JSON).
/// </summary>
public sealed class Finding
{
    /// <summary>The diagnostic; its <see cref="Diagnostic.Location"/> points at the rule in datagate.yml.</summary>
    public required Diagnostic Diagnostic { get; init; }

    /// <summary>One sentence describing what the rule checks.</summary>
    public string? RuleDescription { get; init; }

    /// <summary>The observed figure (e.g. share of images passing, excluded fraction), when there is one.</summary>
    public double? Observed { get; init; }

    /// <summary>The bound it was compared with, as text (e.g. <c>≥ 17.4</c>).</summary>
    public string? Threshold { get; init; }

    /// <summary>Offending images with the value that put them there, worst first.</summary>
    public IReadOnlyList<ImageValue> Images { get; init; } = [];
}
