using System.Globalization;
using DataGate.Core.Diagnostics;

namespace DataGate.Core.Config;

/// <summary>
/// A dataset-level representation rule over one category field (<c>field:</c>) or the cells of several
/// (<c>cross:</c>), evaluated on the kept images (after exclusions).
/// </summary>
public sealed class BalanceRule
{
    /// <summary>Unique rule id (shared namespace with every other rule kind).</summary>
    public required string Id { get; init; }

    /// <summary>The field (one entry) or the crossed fields (two or more), each a category, bin or derived field.</summary>
    public required IReadOnlyList<string> Fields { get; init; }

    /// <summary>True when the rule was written with <c>cross:</c>.</summary>
    public bool IsCross => Fields.Count > 1;

    /// <summary>What the rule bounds.</summary>
    public required BalanceRuleKind Kind { get; init; }

    /// <summary>
    /// The bound: a share 0–1 (<see cref="BalanceRuleKind.MinShare"/>), a count ≥ 0 (<see cref="BalanceRuleKind.MinCount"/>),
    /// a distance or p-value (<see cref="BalanceRuleKind.Reference"/>) or a ratio ≥ 1 (<see cref="BalanceRuleKind.MaxRatio"/>).
    /// </summary>
    public required double Bound { get; init; }

    /// <summary>Reference shares by category (display names), summing to 1 ± 1e-6; only for <see cref="BalanceRuleKind.Reference"/>.</summary>
    public IReadOnlyDictionary<string, double>? Reference { get; init; }

    /// <summary>The distance used with <see cref="Reference"/>.</summary>
    public DistanceMeasure Distance { get; init; } = DistanceMeasure.TotalVariation;

    /// <summary><see cref="RuleAction.Fail"/> (default) or <see cref="RuleAction.Warn"/>.</summary>
    public RuleAction Action { get; init; } = RuleAction.Fail;

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

        string what = IsCross ? $"every cell of {string.Join(" × ", Fields)}" : $"every {Fields[0]} category";
        string b = Bound.ToString("G6", CultureInfo.InvariantCulture);
        return Kind switch
        {
            BalanceRuleKind.MinShare => $"{what} must hold at least {Bound:P1} of the labelled kept images.",
            BalanceRuleKind.MinCount => $"{what} must hold at least {b} kept images.",
            BalanceRuleKind.MaxRatio => $"the largest {Fields[0]} category may be at most {b} times the smallest.",
            _ => Distance == DistanceMeasure.ChiSquarePValue
                ? $"{Fields[0]} must fit the reference distribution (χ² p-value at least {b})."
                : $"{Fields[0]} must be within {(Distance == DistanceMeasure.TotalVariation ? "total variation" : "KL divergence")} {b} of the reference distribution.",
        };
    }
}
