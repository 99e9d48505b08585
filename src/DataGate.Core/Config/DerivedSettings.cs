namespace DataGate.Core.Config;

/// <summary>Settings of the metric-derived fields (<c>derived:</c>): <c>skin_tone</c> and <c>luminance_bin</c>.</summary>
public sealed class DerivedSettings
{
    /// <summary>Default number of luminance quantile bins.</summary>
    public const int DefaultLuminanceBins = 4;

    /// <summary>
    /// Number of quantile bins (2–20) of <c>luminance_mean</c> over the analysed images, labelled <c>q1</c> (darkest)
    /// … <c>qN</c>; right-inclusive like pandas <c>qcut</c>.
    /// </summary>
    public int LuminanceBins { get; init; } = DefaultLuminanceBins;
}
