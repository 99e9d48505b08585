namespace DataGate.Core.Config;

/// <summary>How a rule's bound is expressed.</summary>
public enum ThresholdKind
{
    /// <summary>A fixed number in the metric's unit.</summary>
    Absolute,

    /// <summary>A percentile (0–100) of the metric over this dataset's analysed images (numpy linear interpolation).</summary>
    Percentile,

    /// <summary>Tukey's fence: Q1 − k·IQR for a minimum, Q3 + k·IQR for a maximum, over this dataset.</summary>
    IqrFence,
}
