namespace DataGate.Core.Statistics;

/// <summary>Effect sizes between two samples A and B (see <see cref="EffectSizes.Compare"/>).</summary>
public sealed record TwoSampleEffects
{
    /// <summary>Non-NaN values in A.</summary>
    public required int CountA { get; init; }

    /// <summary>Non-NaN values in B.</summary>
    public required int CountB { get; init; }

    /// <summary>NaN values excluded from A.</summary>
    public required int MissingA { get; init; }

    /// <summary>NaN values excluded from B.</summary>
    public required int MissingB { get; init; }

    /// <summary>Cohen's d, (mean A − mean B) / pooled sd (ddof 1); unitless, signed.</summary>
    public required double CohensD { get; init; }

    /// <summary>Two-sample Kolmogorov–Smirnov statistic D = max |F_A − F_B|, in [0, 1].</summary>
    public required double KolmogorovSmirnov { get; init; }

    /// <summary>P(a &gt; b) + ½ P(a = b) = U_A / (n_A · n_B), in [0, 1]; 0.5 = no separation.</summary>
    public required double Auc { get; init; }
}
