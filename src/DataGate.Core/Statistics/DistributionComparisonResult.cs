namespace DataGate.Core.Statistics;

/// <summary>Observed versus reference categorical distribution (see <see cref="DistributionComparison.Compare"/>).</summary>
public sealed record DistributionComparisonResult
{
    /// <summary>Categories compared, ordinal order.</summary>
    public required IReadOnlyList<string> Categories { get; init; }

    /// <summary>Total observed count over <see cref="Categories"/>.</summary>
    public required long ObservedTotal { get; init; }

    /// <summary>Observed share per category, in [0, 1] (NaN when nothing was observed).</summary>
    public required IReadOnlyList<double> ObservedShares { get; init; }

    /// <summary>Reference share per category after normalisation, in [0, 1].</summary>
    public required IReadOnlyList<double> ReferenceShares { get; init; }

    /// <summary>Total variation distance, in [0, 1].</summary>
    public required double TotalVariation { get; init; }

    /// <summary>KL divergence observed ‖ reference in nats, ≥ 0 (+∞ when an observed category has reference share 0).</summary>
    public required double KullbackLeibler { get; init; }

    /// <summary>Pearson χ² goodness-of-fit test of the observed counts against the reference shares.</summary>
    public required ChiSquareTest ChiSquare { get; init; }

    /// <summary>Categories left out because their reference share was NaN.</summary>
    public required int ExcludedCategories { get; init; }
}
