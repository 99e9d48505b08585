using DataGate.Core.Config;

namespace DataGate.Core.Rules;

/// <summary>The outcome of one parity rule over the kept images.</summary>
public sealed class ParityRuleResult
{
    /// <summary>The rule.</summary>
    public required ParityRule Rule { get; init; }

    /// <summary>True when no pair of groups exceeds the bound.</summary>
    public required bool Passed { get; init; }

    /// <summary>The largest effect over all pairs (NaN when no pair could be compared).</summary>
    public required double Observed { get; init; }

    /// <summary>Kept images without a usable value of the field (they are in no group).</summary>
    public required FieldCoverage Coverage { get; init; }

    /// <summary>Every pair of non-empty groups, strongest first.</summary>
    public required IReadOnlyList<GroupPairEffect> Pairs { get; init; }

    /// <summary>The finding (DG2050) when the rule fails, else null.</summary>
    public Finding? Finding { get; init; }
}
