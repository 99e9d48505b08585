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

    /// <summary>
    /// Edges of <c>eda_luminance_bin</c> (<c>derived.eda_luminance_bins</c> as a list): bin = number of edges ≤
    /// <c>eda_luminance</c>, like numpy <c>digitize(lum, edges)</c>; ascending. Null with
    /// <see cref="EdaLuminanceMeanStd"/> false keeps the notebook's default <c>floor(lum / 51)</c> (0–5).
    /// </summary>
    public IReadOnlyList<double>? EdaLuminanceEdges { get; init; }

    /// <summary>
    /// True for <c>derived.eda_luminance_bins: mean_std</c>: edges mean − std and mean + std (pandas std, ddof 1) of
    /// <c>eda_luminance</c> over the analysed images, so bins 0 (dark), 1, 2 (bright).
    /// </summary>
    public bool EdaLuminanceMeanStd { get; init; }
}
