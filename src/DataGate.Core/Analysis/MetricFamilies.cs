namespace DataGate.Core.Analysis;

/// <summary>
/// Names of the metric families: groups of metrics (and text columns) computed together from one pass over the pixels.
/// A <see cref="MetricSelection"/> names families, single metric or column names, or <see cref="Default"/>/<see cref="All"/>.
/// </summary>
public static class MetricFamilies
{
    /// <summary>Every metric and column that is not opt-in (what <c>datagate check</c> and <c>datagate metrics</c> write).</summary>
    public const string Default = "default";

    /// <summary>Every metric and column, opt-in families included.</summary>
    public const string All = "all";

    /// <summary>Header facts and file size: width, height, channels, file_size, exif_orientation, aspect_ratio (no pixel pass).</summary>
    public const string Header = "header";

    /// <summary>The pixel statistics of one pass (grayscale, variance, colours, entropy, Laplacian, luminance, brightness, FFT blur, skin tone, cleanvision scores and issues).</summary>
    public const string Quality = "quality";

    /// <summary>BRISQUE.</summary>
    public const string Brisque = "brisque";

    /// <summary>
    /// Opt-in: the UTKFace EDA notebook's own definitions (<c>eda_*</c>), on a 100×100 INTER_AREA downscale with the
    /// notebook's quirks; computed only when a rule reads one or the family is asked for.
    /// </summary>
    public const string Eda = "eda";

    /// <summary>Dataset-relative metrics (cleanvision odd size), filled when a rule set is fitted over rows.</summary>
    public const string Dataset = "dataset";

    /// <summary>Perceptual hashes (ahash, phash, dhash, whash, colorhash) and the file and pixel digests, used by duplicate search.</summary>
    public const string Hashes = "hashes";
}
