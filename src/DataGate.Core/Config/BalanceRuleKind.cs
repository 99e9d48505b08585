namespace DataGate.Core.Config;

/// <summary>What a balance rule bounds.</summary>
public enum BalanceRuleKind
{
    /// <summary>Every category (or cell) holds at least a share 0–1 of the labelled kept images.</summary>
    MinShare,

    /// <summary>Every category (or cell) holds at least a number of kept images.</summary>
    MinCount,

    /// <summary>The distribution is within a distance of a reference distribution.</summary>
    Reference,

    /// <summary>Largest category count divided by the smallest is at most a ratio ≥ 1.</summary>
    MaxRatio,
}
