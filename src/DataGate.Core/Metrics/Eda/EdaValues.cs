namespace DataGate.Core.Metrics.Eda;

/// <summary>The <c>eda_*</c> metrics of one image (see <see cref="EdaMetrics"/>).</summary>
/// <param name="Variance">Mean of the three per-channel population variances.</param>
/// <param name="UniqueColors">Distinct pixel triples.</param>
/// <param name="Entropy">Shannon entropy (bits) of all 30,000 channel values.</param>
/// <param name="Brisque">The PyPI brisque package's score; NaN for a constant image.</param>
/// <param name="LaplacianVariance">Variance of the Laplacian of the channel-swapped gray.</param>
/// <param name="FftBlur">Mean magnitude of the high-passed channel-swapped gray.</param>
/// <param name="Luminance">Mean OpenCV BGR2GRAY level (0–255).</param>
/// <param name="LuminanceBin">⌊luminance / 51⌋ (0–5).</param>
internal readonly record struct EdaValues(
    double Variance,
    double UniqueColors,
    double Entropy,
    double Brisque,
    double LaplacianVariance,
    double FftBlur,
    double Luminance,
    double LuminanceBin);
