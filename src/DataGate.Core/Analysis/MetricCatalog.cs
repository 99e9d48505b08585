namespace DataGate.Core.Analysis;

/// <summary>
/// Every numeric metric DataGate computes per image, in CSV column order. Names are a public contract (the
/// <c>datagate metrics</c> columns and the <c>metric:</c> values of rules): add, never rename or remove.
/// </summary>
public static class MetricCatalog
{
    private static readonly List<MetricDefinition> s_all = [];

    /// <summary>Width in pixels.</summary>
    public static readonly MetricDefinition Width = Add("width", "Width in pixels.", MetricFamilies.Header);

    /// <summary>Height in pixels.</summary>
    public static readonly MetricDefinition Height = Add("height", "Height in pixels.", MetricFamilies.Header);

    /// <summary>Channels as stored.</summary>
    public static readonly MetricDefinition Channels = Add("channels", "Channels as stored: 1 gray/palette, 2 gray+alpha, 3 RGB, 4 RGBA/CMYK.", MetricFamilies.Header);

    /// <summary>1 when every pixel has R = G = B.</summary>
    public static readonly MetricDefinition IsGrayscale = Add("is_grayscale", "1 when every pixel has R = G = B (whatever the stored mode), else 0.", MetricFamilies.Quality, isFlag: true);

    /// <summary>File size in bytes.</summary>
    public static readonly MetricDefinition FileSize = Add("file_size", "File size in bytes.", MetricFamilies.Header);

    /// <summary>EXIF orientation (0 none, 1–8).</summary>
    public static readonly MetricDefinition ExifOrientation = Add("exif_orientation", "EXIF orientation tag 1–8, 0 when absent; recorded, never applied.", MetricFamilies.Header);

    /// <summary>Width / height.</summary>
    public static readonly MetricDefinition AspectRatio = Add("aspect_ratio", "Width divided by height.", MetricFamilies.Header);

    /// <summary>Population variance of all channel values.</summary>
    public static readonly MetricDefinition ColorVariance = Add("color_variance", "Population variance of all H·W·3 channel values (0–16256.25).", MetricFamilies.Quality);

    /// <summary>Distinct RGB triples.</summary>
    public static readonly MetricDefinition UniqueColors = Add("unique_colors", "Number of distinct RGB triples.", MetricFamilies.Quality);

    /// <summary>Shannon entropy (bits) of the OpenCV gray histogram.</summary>
    public static readonly MetricDefinition Entropy = Add("entropy", "Shannon entropy in bits (0–8) of the OpenCV-gray histogram, as skimage.measure.shannon_entropy.", MetricFamilies.Quality);

    /// <summary>Variance of the OpenCV Laplacian.</summary>
    public static readonly MetricDefinition LaplacianVariance = Add("laplacian_variance", "Population variance of cv2.Laplacian(gray, CV_64F) (ksize 1, BORDER_REFLECT_101); low = blurry.", MetricFamilies.Quality);

    /// <summary>Mean Rec.601 luma.</summary>
    public static readonly MetricDefinition LuminanceMean = Add("luminance_mean", "Mean of 0.299R + 0.587G + 0.114B (0–255).", MetricFamilies.Quality);

    /// <summary>Mean cleanvision brightness.</summary>
    public static readonly MetricDefinition BrightnessMean = Add("brightness_mean", "Mean cleanvision brightness sqrt(0.241R² + 0.691G² + 0.068B²)/255 (0–1).", MetricFamilies.Quality);

    /// <summary>1st percentile of brightness.</summary>
    public static readonly MetricDefinition BrightnessP01 = Add("brightness_p01", "1st percentile of per-pixel cleanvision brightness (0–1).", MetricFamilies.Quality);

    /// <summary>5th percentile of brightness.</summary>
    public static readonly MetricDefinition BrightnessP05 = Add("brightness_p05", "5th percentile of per-pixel cleanvision brightness (0–1).", MetricFamilies.Quality);

    /// <summary>95th percentile of brightness.</summary>
    public static readonly MetricDefinition BrightnessP95 = Add("brightness_p95", "95th percentile of per-pixel cleanvision brightness (0–1).", MetricFamilies.Quality);

    /// <summary>99th percentile of brightness.</summary>
    public static readonly MetricDefinition BrightnessP99 = Add("brightness_p99", "99th percentile of per-pixel cleanvision brightness (0–1).", MetricFamilies.Quality);

    /// <summary>FFT blur measure.</summary>
    public static readonly MetricDefinition FftBlur = Add("fft_blur", "Mean 20·ln|ifft(high-passed fft)| of the gray image; low = blurry. Sides under 120 px: the zeroed square is clipped to the image.", MetricFamilies.Quality);

    /// <summary>Individual Typology Angle of skin pixels.</summary>
    public static readonly MetricDefinition SkinToneIta = Add("skin_tone_ita", "Individual Typology Angle in degrees over skin pixels of the central region; NaN when too few.", MetricFamilies.Quality);

    /// <summary>Fraction of skin pixels used for ITA.</summary>
    public static readonly MetricDefinition SkinFraction = Add("skin_fraction", "Fraction 0–1 of the central region classified as skin.", MetricFamilies.Quality);

    /// <summary>cleanvision dark score.</summary>
    public static readonly MetricDefinition DarkScore = Add("dark_score", "cleanvision dark score (0–1, low = dark).", MetricFamilies.Quality);

    /// <summary>cleanvision light score.</summary>
    public static readonly MetricDefinition LightScore = Add("light_score", "cleanvision light score (0–1, low = washed out).", MetricFamilies.Quality);

    /// <summary>cleanvision blurry score.</summary>
    public static readonly MetricDefinition BlurryScore = Add("blurry_score", "cleanvision blurry score (0–1, low = blurry).", MetricFamilies.Quality);

    /// <summary>cleanvision low-information score.</summary>
    public static readonly MetricDefinition LowInformationScore = Add("low_information_score", "cleanvision low-information score (0–1, low = little information).", MetricFamilies.Quality);

    /// <summary>cleanvision odd-aspect-ratio score.</summary>
    public static readonly MetricDefinition OddAspectRatioScore = Add("odd_aspect_ratio_score", "cleanvision odd-aspect-ratio score min(w/h, h/w) (0–1).", MetricFamilies.Quality);

    /// <summary>cleanvision odd-size score (dataset-relative).</summary>
    public static readonly MetricDefinition OddSizeScore = Add("odd_size_score", "cleanvision odd-size score, relative to this dataset's sizes (0–1, low = odd).", MetricFamilies.Dataset);

    /// <summary>BRISQUE score.</summary>
    public static readonly MetricDefinition Brisque = Add("brisque", "BRISQUE score with OpenCV's LIVE model (0–100, lower = better).", MetricFamilies.Brisque);

    /// <summary>cleanvision's dark issue: dark_score below 0.32.</summary>
    public static readonly MetricDefinition IsDark = Add("is_dark", "cleanvision dark issue: dark_score < 0.32 (cleanvision.dark).", MetricFamilies.Quality, isFlag: true);

    /// <summary>cleanvision's light issue: light_score below 0.05.</summary>
    public static readonly MetricDefinition IsLight = Add("is_light", "cleanvision light issue: light_score < 0.05 (cleanvision.light).", MetricFamilies.Quality, isFlag: true);

    /// <summary>cleanvision's blurry issue: blurry_score below 0.29.</summary>
    public static readonly MetricDefinition IsBlurry = Add("is_blurry", "cleanvision blurry issue: blurry_score < 0.29 (cleanvision.blurry).", MetricFamilies.Quality, isFlag: true);

    /// <summary>cleanvision's low-information issue: low_information_score below 0.3.</summary>
    public static readonly MetricDefinition IsLowInformation = Add("is_low_information", "cleanvision low-information issue: low_information_score < 0.3 (cleanvision.low_information).", MetricFamilies.Quality, isFlag: true);

    /// <summary>cleanvision's odd-aspect-ratio issue: odd_aspect_ratio_score below 0.35.</summary>
    public static readonly MetricDefinition IsOddAspectRatio = Add("is_odd_aspect_ratio", "cleanvision odd-aspect-ratio issue: odd_aspect_ratio_score < 0.35 (cleanvision.odd_aspect_ratio).", MetricFamilies.Quality, isFlag: true);

    /// <summary>cleanvision's odd-size issue, relative to this dataset.</summary>
    public static readonly MetricDefinition IsOddSize = Add("is_odd_size", "cleanvision odd-size issue: √w·√h outside [Q1 − 3·IQR, Q3 + 3·IQR] of this dataset.", MetricFamilies.Dataset, isFlag: true);

    /// <summary>The notebook's variance: mean of the per-channel variances on the 100×100 INTER_AREA image.</summary>
    public static readonly MetricDefinition EdaVariance = Add("eda_variance", "UTKFace EDA notebook: mean of the three per-channel population variances of the 100×100 INTER_AREA image (not the pooled variance).", MetricFamilies.Eda, optIn: true);

    /// <summary>The notebook's distinct colours of the 100×100 image.</summary>
    public static readonly MetricDefinition EdaUniqueColors = Add("eda_unique_colors", "UTKFace EDA notebook: distinct pixel triples of the 100×100 INTER_AREA image (0–10000).", MetricFamilies.Eda, optIn: true);

    /// <summary>The notebook's entropy over all channel values of the 100×100 image.</summary>
    public static readonly MetricDefinition EdaEntropy = Add("eda_entropy", "UTKFace EDA notebook: Shannon entropy in bits (0–8) of all 30,000 channel values of the 100×100 image, as skimage shannon_entropy(img).", MetricFamilies.Eda, optIn: true);

    /// <summary>The PyPI brisque package's score of the 100×100 image.</summary>
    public static readonly MetricDefinition EdaBrisque = Add("eda_brisque", "UTKFace EDA notebook: the PyPI brisque package's score (its own libsvm model; unclamped, lower = better, NaN for a flat image) of the 100×100 image.", MetricFamilies.Eda, optIn: true);

    /// <summary>The notebook's Laplacian variance on its channel-swapped gray.</summary>
    public static readonly MetricDefinition EdaLaplacianVariance = Add("eda_laplacian_variance", "UTKFace EDA notebook: variance of the Laplacian of the 100×100 image's gray made with red and blue weights swapped (the notebook's quirk); low = blurry.", MetricFamilies.Eda, optIn: true);

    /// <summary>The notebook's FFT blur: mean magnitude after a 60×60 high-pass, no log.</summary>
    public static readonly MetricDefinition EdaFftBlur = Add("eda_fft_blur", "UTKFace EDA notebook: mean |ifft| after zeroing a 60×60 low-frequency square of the 100×100 channel-swapped gray (no log); low = blurry.", MetricFamilies.Eda, optIn: true);

    /// <summary>The notebook's luminance: mean OpenCV gray of the 100×100 image.</summary>
    public static readonly MetricDefinition EdaLuminance = Add("eda_luminance", "UTKFace EDA notebook: mean of cvtColor(BGR2GRAY) of the 100×100 image (0–255).", MetricFamilies.Eda, optIn: true);

    /// <summary>The notebook's luminance bin.</summary>
    public static readonly MetricDefinition EdaLuminanceBin = Add("eda_luminance_bin", "UTKFace EDA notebook: luminance bin of eda_luminance, floor(lum / 51) (0–5) unless eda.luminance_bins sets edges.", MetricFamilies.Eda, optIn: true);

    /// <summary>All metrics in column order.</summary>
    public static IReadOnlyList<MetricDefinition> All => s_all;

    /// <summary>Finds a metric by name.</summary>
    public static MetricDefinition? Find(string name) => s_all.Find(m => string.Equals(m.Name, name, StringComparison.Ordinal));

    private static MetricDefinition Add(string name, string description, string family, bool isFlag = false, bool optIn = false)
    {
        var m = new MetricDefinition(name, description, s_all.Count, isFlag, family, optIn);
        s_all.Add(m);
        return m;
    }
}
