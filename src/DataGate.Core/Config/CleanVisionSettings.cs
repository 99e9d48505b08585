namespace DataGate.Core.Config;

/// <summary>
/// The score thresholds of cleanvision's issue flags (<c>cleanvision:</c>): an image whose score is below a threshold
/// gets the flag (<c>is_dark</c>, <c>is_light</c>, <c>is_blurry</c>, <c>is_low_information</c>,
/// <c>is_odd_aspect_ratio</c>). The defaults are cleanvision 0.3.x's own. The scores themselves never depend on them,
/// so changing a threshold needs no new measurement: the flags are set from the scores when rows are gathered and judged.
/// </summary>
public sealed class CleanVisionSettings
{
    /// <summary>cleanvision's defaults.</summary>
    public static CleanVisionSettings Default { get; } = new();

    /// <summary><c>is_dark</c> when <c>dark_score</c> is below this (0–1). Default 0.32.</summary>
    public double Dark { get; init; } = 0.32;

    /// <summary><c>is_light</c> when <c>light_score</c> is below this (0–1). Default 0.05.</summary>
    public double Light { get; init; } = 0.05;

    /// <summary><c>is_blurry</c> when <c>blurry_score</c> is below this (0–1). Default 0.29.</summary>
    public double Blurry { get; init; } = 0.29;

    /// <summary><c>is_low_information</c> when <c>low_information_score</c> is below this (0–1). Default 0.3.</summary>
    public double LowInformation { get; init; } = 0.3;

    /// <summary><c>is_odd_aspect_ratio</c> when <c>odd_aspect_ratio_score</c> is below this (0–1). Default 0.35.</summary>
    public double OddAspectRatio { get; init; } = 0.35;

    /// <summary>Whether every threshold equals <see cref="Default"/>'s.</summary>
    public bool IsDefault => Dark == Default.Dark && Light == Default.Light && Blurry == Default.Blurry
        && LowInformation == Default.LowInformation && OddAspectRatio == Default.OddAspectRatio;
}
