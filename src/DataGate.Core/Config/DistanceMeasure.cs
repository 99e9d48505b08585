namespace DataGate.Core.Config;

/// <summary>How a balance rule compares a distribution with its reference (<c>max_distance</c>).</summary>
public enum DistanceMeasure
{
    /// <summary>Total variation distance ½ Σ |p − q|, 0–1; the rule fails above the bound.</summary>
    TotalVariation,

    /// <summary>Kullback–Leibler divergence observed ‖ reference in nats, ≥ 0; the rule fails above the bound.</summary>
    KullbackLeibler,

    /// <summary>Pearson χ² goodness-of-fit p-value, 0–1; the rule fails when the p-value is BELOW the bound.</summary>
    ChiSquarePValue,
}
