using DataGate.Core.Diagnostics;

namespace DataGate.Core.Config;

/// <summary>
/// A per-image quality rule: <c>metric</c> must lie within [<c>min</c>, <c>max</c>]; images outside are handled by
/// <see cref="Action"/>; the rule itself fails when fewer than <see cref="Mostly"/> of the images pass.
/// </summary>
public sealed class QualityRule
{
    /// <summary>Unique rule id (letters, digits, <c>-</c>, <c>_</c>).</summary>
    public required string Id { get; init; }

    /// <summary>Metric name, one of <see cref="Analysis.MetricCatalog"/>.</summary>
    public required string Metric { get; init; }

    /// <summary>Lower bound (inclusive), or null.</summary>
    public Threshold? Min { get; init; }

    /// <summary>Upper bound (inclusive), or null.</summary>
    public Threshold? Max { get; init; }

    /// <summary>What happens to images outside the bounds.</summary>
    public RuleAction Action { get; init; } = RuleAction.Warn;

    /// <summary>Fraction 0–1 of images that must pass, else the rule fails. Default 1 for fail, 0 for warn/exclude.</summary>
    public double Mostly { get; init; }

    /// <summary>Severity of the rule's failure: <see cref="Severity.Error"/> fails the gate, a warning does not.</summary>
    public Severity Severity { get; init; } = Severity.Error;

    /// <summary>Optional sentence from the user; otherwise one is generated.</summary>
    public string? Description { get; init; }

    /// <summary>Position of the rule in the rule file.</summary>
    public required SourceSpan Location { get; init; }

    /// <summary>One sentence saying what the rule checks.</summary>
    public string Describe()
    {
        if (Description is not null)
        {
            return Description;
        }

        string bound = (Min, Max) switch
        {
            (not null, not null) => $"between {Min.Describe(true)} and {Max.Describe(false)}",
            (not null, null) => $"at least {Min.Describe(true)}",
            (null, not null) => $"at most {Max.Describe(false)}",
            _ => "defined",
        };
        string what = Action switch
        {
            RuleAction.Exclude => "images outside are excluded",
            RuleAction.Fail => "images outside fail the gate",
            _ => "images outside are reported",
        };
        string mostly = Mostly > 0 && Mostly < 1 ? $" (at least {Mostly:P1} must pass)" : string.Empty;
        return $"{Metric} must be {bound}; {what}{mostly}.";
    }
}
