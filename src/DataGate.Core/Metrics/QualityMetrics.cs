namespace DataGate.Core.Metrics;

/// <summary>
/// Per-image quality metrics computed from the decoded 8-bit RGB pixels by
/// <see cref="QualityMetricsCalculator.Compute(Imaging.RgbImage)"/>. Each value reproduces a widely used Python
/// reference (NumPy, OpenCV, scikit-image, Pillow, cleanvision 0.3.x); the property documentation names it.
/// </summary>
internal sealed class QualityMetrics
{
    /// <summary>Population variance of all W·H·3 channel values (NumPy <c>img.var()</c>); 0 … 16256.25.</summary>
    public double ColorVariance { get; init; }

    /// <summary>Number of distinct RGB triples, 1 … W·H.</summary>
    public int UniqueColors { get; init; }

    /// <summary>
    /// Shannon entropy in bits of the OpenCV-gray histogram (scikit-image <c>shannon_entropy(gray, base=2)</c>); 0 … 8.
    /// </summary>
    public double Entropy { get; init; }

    /// <summary>
    /// Population variance of OpenCV's <c>Laplacian(gray, CV_64F, ksize=1)</c> (kernel 0 1 0 / 1 −4 1 / 0 1 0,
    /// border REFLECT_101) on the OpenCV gray; ≥ 0, larger is sharper.
    /// </summary>
    public double LaplacianVariance { get; init; }

    /// <summary>Mean of <c>0.299 R + 0.587 G + 0.114 B</c> in double precision; 0 … 255.</summary>
    public double LuminanceMean { get; init; }

    /// <summary>True iff R = G = B for every pixel.</summary>
    public bool IsGrayscale { get; init; }

    /// <summary>
    /// cleanvision per-pixel brightness <c>√(0.241 R² + 0.691 G² + 0.068 B²) / 255</c>: 1st percentile (NumPy
    /// <c>percentile</c>, linear interpolation, over all pixels of the full-size image); 0 … 1.
    /// </summary>
    public double BrightnessP01 { get; init; }

    /// <summary>5th percentile of the cleanvision per-pixel brightness; 0 … 1.</summary>
    public double BrightnessP05 { get; init; }

    /// <summary>95th percentile of the cleanvision per-pixel brightness; 0 … 1.</summary>
    public double BrightnessP95 { get; init; }

    /// <summary>99th percentile of the cleanvision per-pixel brightness; 0 … 1.</summary>
    public double BrightnessP99 { get; init; }

    /// <summary>
    /// cleanvision <c>brightness</c>: the brightness formula applied to the per-channel means (not the mean of the
    /// per-pixel brightness); 0 … 1.
    /// </summary>
    public double BrightnessMean { get; init; }

    /// <summary>
    /// FFT blur score: mean of <c>20·ln|recon|</c> after removing the 120×120 lowest frequencies (see the golden
    /// README recipe). Larger is sharper; typical −20 … 60. Along a side of 120 px or less the zeroed square is
    /// clipped to the image (all frequencies of that axis), unlike NumPy's wrap-around slicing; when both sides are
    /// ≤ 120 px every frequency is removed and the value is −∞. It is −∞ whenever some reconstructed value is exactly
    /// zero, as <c>numpy.log(0)</c> would give.
    /// </summary>
    public double FftBlur { get; init; }

    /// <summary>
    /// Individual Typology Angle in degrees, <c>atan2(L* − 50, b*)·180/π</c> in CIELAB (D65), of the mean
    /// linear-light colour of the skin pixels of the central box (see <see cref="SkinTone"/>); NaN when under 5 %
    /// of the box is skin. Range −90 … 90.
    /// </summary>
    public double SkinToneIta { get; init; }

    /// <summary>Fraction of the central box (half the width and height, centred) classified as skin; 0 … 1.</summary>
    public double SkinFraction { get; init; }

    /// <summary>
    /// Del Bino / Chardon category of <see cref="SkinToneIta"/>: <c>very_light</c> (&gt; 55), <c>light</c> (41, 55],
    /// <c>intermediate</c> (28, 41], <c>tan</c> (10, 28], <c>brown</c> (−30, 10], <c>dark</c> (≤ −30); null when the
    /// angle is NaN.
    /// </summary>
    public string? SkinTone { get; init; }

    /// <summary>cleanvision <c>dark_score</c> = <see cref="BrightnessP99"/>; issue when &lt; 0.32.</summary>
    public double DarkScore { get; init; }

    /// <summary>cleanvision <c>light_score</c> = 1 − <see cref="BrightnessP05"/>; issue when &lt; 0.05.</summary>
    public double LightScore { get; init; }

    /// <summary>
    /// cleanvision <c>blurry_score</c> on a ≤ 64 px Pillow-bicubic thumbnail converted to Pillow gray:
    /// <c>min(1, (1 − e^(−0.01·σ_edges)) + s)</c>, σ_edges the standard deviation of Pillow's FIND_EDGES output and
    /// s = 1 − e^(−0.01·std(histogram)) when above 0.18, else 0. 0 … 1; issue when &lt; 0.29.
    /// </summary>
    public double BlurryScore { get; init; }

    /// <summary>
    /// cleanvision <c>low_information_score</c> = min(1, 0.1 × Pillow <c>entropy()</c>) of the 768-bin RGB histogram
    /// (256-bin gray histogram when the file was stored as mode L); 0 … 1; issue when &lt; 0.3.
    /// </summary>
    public double LowInformationScore { get; init; }

    /// <summary>cleanvision <c>odd_aspect_ratio_score</c> = min(w/h, h/w); 0 … 1; issue when &lt; 0.35.</summary>
    public double OddAspectRatioScore { get; init; }
}
