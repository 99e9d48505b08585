namespace DataGate.Core.Config;

/// <summary>Dataset-wide limits (<c>gate:</c>).</summary>
public sealed class GateSettings
{
    /// <summary>Largest fraction 0–1 of images that rules may exclude before the gate fails. Default 1 (no limit).</summary>
    public double MaxExcludedFraction { get; init; } = 1.0;

    /// <summary>Largest fraction 0–1 of files that may fail to decode before the gate fails. Default 0.05.</summary>
    public double MaxErroredFraction { get; init; } = 0.05;

    /// <summary>Fewest analysed images the gate accepts. Default 1.</summary>
    public int MinImages { get; init; } = 1;
}
