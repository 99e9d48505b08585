namespace DataGate.Core.Config;

/// <summary>How a parity rule measures the difference of a metric between two groups (<c>max_effect</c>).</summary>
public enum EffectMeasure
{
    /// <summary>|Cohen's d| (pooled ddof-1 standard deviation), ≥ 0.</summary>
    CohensD,

    /// <summary>Two-sample Kolmogorov–Smirnov statistic D, 0–1.</summary>
    KolmogorovSmirnov,

    /// <summary>Separation max(AUC, 1 − AUC), 0.5–1: how well the metric alone tells the two groups apart.</summary>
    Auc,
}
