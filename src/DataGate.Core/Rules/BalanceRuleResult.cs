using DataGate.Core.Config;
using DataGate.Core.Statistics;

namespace DataGate.Core.Rules;

/// <summary>The outcome of one balance rule over the kept images.</summary>
public sealed class BalanceRuleResult
{
    /// <summary>The rule.</summary>
    public required BalanceRule Rule { get; init; }

    /// <summary>True when the rule holds.</summary>
    public required bool Passed { get; init; }

    /// <summary>
    /// The figure compared with the bound: the smallest share or count, the largest/smallest ratio, or the distance
    /// (p-value) to the reference. NaN when no kept image is labelled.
    /// </summary>
    public required double Observed { get; init; }

    /// <summary>Kept images judged (with or without labels).</summary>
    public required int Total { get; init; }

    /// <summary>Kept images with a usable value of every rule field.</summary>
    public required int Labelled { get; init; }

    /// <summary>Per rule field, the kept images without a usable value (counted in <see cref="Total"/>).</summary>
    public required IReadOnlyList<FieldCoverage> Coverage { get; init; }

    /// <summary>Every category or cell, in table order.</summary>
    public required IReadOnlyList<BalanceCell> Cells { get; init; }

    /// <summary>The comparison with the reference, for reference rules.</summary>
    public DistributionComparisonResult? Comparison { get; init; }

    /// <summary>The finding (DG2040) when the rule fails, else null.</summary>
    public Finding? Finding { get; init; }
}
