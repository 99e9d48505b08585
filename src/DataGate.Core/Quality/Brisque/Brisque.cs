using DataGate.Core.Imaging;

namespace DataGate.Core.Quality.Brisque;

/// <summary>
/// BRISQUE no-reference image quality score, numerically matching OpenCV contrib's
/// <c>cv::quality::QualityBRISQUE</c> (features within float rounding, score within 0.003 on the golden set).
/// Lower is better: about 0–20 for clean photographs, higher for blurred, noisy or heavily compressed images.
/// Thread-safe; working buffers are kept per thread.
/// </summary>
internal sealed class Brisque
{
    private readonly BrisqueModel _model;

    /// <summary>Creates a scorer for a model (use <see cref="BrisqueModel.LoadDefault"/> for OpenCV's LIVE model).</summary>
    /// <param name="model">The SVR model and feature range.</param>
    public Brisque(BrisqueModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
    }

    /// <summary>
    /// The BRISQUE score, clamped to [0, 100] like OpenCV (lower = better quality). Constant images give 100.
    /// Images narrower or shorter than 2 pixels, on which OpenCV raises an error, give NaN.
    /// </summary>
    /// <param name="image">The image; converted to gray with OpenCV's weights.</param>
    public double Score(RgbImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        Span<float> features = stackalloc float[BrisqueModel.FeatureCount];
        BrisqueFeatures.For(image.Width, image.Height).Compute(image, features);
        if (image.Width < 2 || image.Height < 2)
        {
            return double.NaN;
        }

        return ScoreFeatures(features);
    }

    /// <summary>
    /// The 36 raw BRISQUE features in OpenCV's order: per scale (full, then half size)
    /// [α, (σl² + σr²)/2, then for H, V, D1, D2: α, mean, σl², σr²]. Entries are NaN where the fit is
    /// undefined (e.g. no negative values, as on constant images); all NaN for images smaller than 2×2.
    /// </summary>
    /// <param name="image">The image.</param>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "Instance API beside Score; the features do not depend on the model.")]
    public float[] Features(RgbImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var features = new float[BrisqueModel.FeatureCount];
        BrisqueFeatures.For(image.Width, image.Height).Compute(image, features);
        return features;
    }

    /// <summary>Scores precomputed features (see <see cref="Features"/>): SVR prediction clamped to [0, 100].</summary>
    /// <param name="features">The 36 raw features.</param>
    public double ScoreFeatures(ReadOnlySpan<float> features)
    {
        float raw = _model.Predict(features);
        return Math.Min(Math.Max(raw, 0f), 100f);
    }
}
