namespace DataGate.Core.Rules;

/// <summary>An image and the value a rule judged it by.</summary>
/// <param name="Path">Dataset-relative path.</param>
/// <param name="Value">The metric value (NaN when it could not be computed).</param>
/// <param name="Note">Extra text (e.g. the kept copy of a duplicate), or null.</param>
public sealed record ImageValue(string Path, double Value, string? Note = null);
