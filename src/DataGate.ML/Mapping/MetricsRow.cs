using System.ComponentModel;
using DataGate.Core.Analysis;
using Microsoft.ML.Data;

namespace DataGate.ML.Mapping;

/// <summary>
/// The columns <c>ComputeImageMetrics</c> adds: one Single per metric of <see cref="MetricCatalog"/> with the
/// <c>datagate metrics</c> column name (NaN when not selected or undefined), the hashes and digests as text (the
/// imagehash hex strings), the error text and the record <c>Gate</c> reads. Public only because ML.NET's custom
/// mapping binds it by reflection.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class MetricsRow
{
    /// <summary>width.</summary>
    [ColumnName("width")]
    public float Width { get; set; }

    /// <summary>height.</summary>
    [ColumnName("height")]
    public float Height { get; set; }

    /// <summary>channels.</summary>
    [ColumnName("channels")]
    public float Channels { get; set; }

    /// <summary>is_grayscale.</summary>
    [ColumnName("is_grayscale")]
    public float IsGrayscale { get; set; }

    /// <summary>file_size.</summary>
    [ColumnName("file_size")]
    public float FileSize { get; set; }

    /// <summary>exif_orientation.</summary>
    [ColumnName("exif_orientation")]
    public float ExifOrientation { get; set; }

    /// <summary>aspect_ratio.</summary>
    [ColumnName("aspect_ratio")]
    public float AspectRatio { get; set; }

    /// <summary>color_variance.</summary>
    [ColumnName("color_variance")]
    public float ColorVariance { get; set; }

    /// <summary>unique_colors.</summary>
    [ColumnName("unique_colors")]
    public float UniqueColors { get; set; }

    /// <summary>entropy.</summary>
    [ColumnName("entropy")]
    public float Entropy { get; set; }

    /// <summary>laplacian_variance.</summary>
    [ColumnName("laplacian_variance")]
    public float LaplacianVariance { get; set; }

    /// <summary>luminance_mean.</summary>
    [ColumnName("luminance_mean")]
    public float LuminanceMean { get; set; }

    /// <summary>brightness_mean.</summary>
    [ColumnName("brightness_mean")]
    public float BrightnessMean { get; set; }

    /// <summary>brightness_p01.</summary>
    [ColumnName("brightness_p01")]
    public float BrightnessP01 { get; set; }

    /// <summary>brightness_p05.</summary>
    [ColumnName("brightness_p05")]
    public float BrightnessP05 { get; set; }

    /// <summary>brightness_p95.</summary>
    [ColumnName("brightness_p95")]
    public float BrightnessP95 { get; set; }

    /// <summary>brightness_p99.</summary>
    [ColumnName("brightness_p99")]
    public float BrightnessP99 { get; set; }

    /// <summary>fft_blur.</summary>
    [ColumnName("fft_blur")]
    public float FftBlur { get; set; }

    /// <summary>skin_tone_ita.</summary>
    [ColumnName("skin_tone_ita")]
    public float SkinToneIta { get; set; }

    /// <summary>skin_fraction.</summary>
    [ColumnName("skin_fraction")]
    public float SkinFraction { get; set; }

    /// <summary>dark_score.</summary>
    [ColumnName("dark_score")]
    public float DarkScore { get; set; }

    /// <summary>light_score.</summary>
    [ColumnName("light_score")]
    public float LightScore { get; set; }

    /// <summary>blurry_score.</summary>
    [ColumnName("blurry_score")]
    public float BlurryScore { get; set; }

    /// <summary>low_information_score.</summary>
    [ColumnName("low_information_score")]
    public float LowInformationScore { get; set; }

    /// <summary>odd_aspect_ratio_score.</summary>
    [ColumnName("odd_aspect_ratio_score")]
    public float OddAspectRatioScore { get; set; }

    /// <summary>odd_size_score.</summary>
    [ColumnName("odd_size_score")]
    public float OddSizeScore { get; set; }

    /// <summary>brisque.</summary>
    [ColumnName("brisque")]
    public float Brisque { get; set; }

    /// <summary>is_dark.</summary>
    [ColumnName("is_dark")]
    public float IsDark { get; set; }

    /// <summary>is_light.</summary>
    [ColumnName("is_light")]
    public float IsLight { get; set; }

    /// <summary>is_blurry.</summary>
    [ColumnName("is_blurry")]
    public float IsBlurry { get; set; }

    /// <summary>is_low_information.</summary>
    [ColumnName("is_low_information")]
    public float IsLowInformation { get; set; }

    /// <summary>is_odd_aspect_ratio.</summary>
    [ColumnName("is_odd_aspect_ratio")]
    public float IsOddAspectRatio { get; set; }

    /// <summary>is_odd_size.</summary>
    [ColumnName("is_odd_size")]
    public float IsOddSize { get; set; }

    /// <summary>ahash (text, as <c>datagate metrics</c> writes it; empty when not computed).</summary>
    [ColumnName(TextColumns.AHash)]
    public string AHash { get; set; } = string.Empty;

    /// <summary>phash (text, as <c>datagate metrics</c> writes it; empty when not computed).</summary>
    [ColumnName(TextColumns.PHash)]
    public string PHash { get; set; } = string.Empty;

    /// <summary>dhash (text, as <c>datagate metrics</c> writes it; empty when not computed).</summary>
    [ColumnName(TextColumns.DHash)]
    public string DHash { get; set; } = string.Empty;

    /// <summary>whash (text, as <c>datagate metrics</c> writes it; empty when not computed).</summary>
    [ColumnName(TextColumns.WHash)]
    public string WHash { get; set; } = string.Empty;

    /// <summary>colorhash (text, as <c>datagate metrics</c> writes it; empty when not computed).</summary>
    [ColumnName(TextColumns.ColorHash)]
    public string ColorHash { get; set; } = string.Empty;

    /// <summary>file_hash (text, as <c>datagate metrics</c> writes it; empty when not computed).</summary>
    [ColumnName(TextColumns.FileHash)]
    public string FileHash { get; set; } = string.Empty;

    /// <summary>pixel_hash (text, as <c>datagate metrics</c> writes it; empty when not computed).</summary>
    [ColumnName(TextColumns.PixelHash)]
    public string PixelHash { get; set; } = string.Empty;

    /// <summary>skin_tone (text, as <c>datagate metrics</c> writes it; empty when not computed).</summary>
    [ColumnName(TextColumns.SkinTone)]
    public string SkinTone { get; set; } = string.Empty;

    /// <summary>Why the image could not be measured (<c>DG3xxx: message</c>); empty when it was.</summary>
    [ColumnName(DataGateColumns.Error)]
    public string DataGateError { get; set; } = string.Empty;

    /// <summary>The measured record.</summary>
    [ColumnName(DataGateColumns.Record)]
    [ImageRecordType]
    public ImageRecord? DataGateRecord { get; set; }

    /// <summary>The metric names that have a column here.</summary>
    internal static IReadOnlySet<string> MetricColumns { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "width",
        "height",
        "channels",
        "is_grayscale",
        "file_size",
        "exif_orientation",
        "aspect_ratio",
        "color_variance",
        "unique_colors",
        "entropy",
        "laplacian_variance",
        "luminance_mean",
        "brightness_mean",
        "brightness_p01",
        "brightness_p05",
        "brightness_p95",
        "brightness_p99",
        "fft_blur",
        "skin_tone_ita",
        "skin_fraction",
        "dark_score",
        "light_score",
        "blurry_score",
        "low_information_score",
        "odd_aspect_ratio_score",
        "odd_size_score",
        "brisque",
        "is_dark",
        "is_light",
        "is_blurry",
        "is_low_information",
        "is_odd_aspect_ratio",
        "is_odd_size",
    };

    /// <summary>Fills the columns from a record.</summary>
    internal void Fill(ImageRecord record)
    {
        Width = (float)record[MetricCatalog.Width];
        Height = (float)record[MetricCatalog.Height];
        Channels = (float)record[MetricCatalog.Channels];
        IsGrayscale = (float)record[MetricCatalog.IsGrayscale];
        FileSize = (float)record[MetricCatalog.FileSize];
        ExifOrientation = (float)record[MetricCatalog.ExifOrientation];
        AspectRatio = (float)record[MetricCatalog.AspectRatio];
        ColorVariance = (float)record[MetricCatalog.ColorVariance];
        UniqueColors = (float)record[MetricCatalog.UniqueColors];
        Entropy = (float)record[MetricCatalog.Entropy];
        LaplacianVariance = (float)record[MetricCatalog.LaplacianVariance];
        LuminanceMean = (float)record[MetricCatalog.LuminanceMean];
        BrightnessMean = (float)record[MetricCatalog.BrightnessMean];
        BrightnessP01 = (float)record[MetricCatalog.BrightnessP01];
        BrightnessP05 = (float)record[MetricCatalog.BrightnessP05];
        BrightnessP95 = (float)record[MetricCatalog.BrightnessP95];
        BrightnessP99 = (float)record[MetricCatalog.BrightnessP99];
        FftBlur = (float)record[MetricCatalog.FftBlur];
        SkinToneIta = (float)record[MetricCatalog.SkinToneIta];
        SkinFraction = (float)record[MetricCatalog.SkinFraction];
        DarkScore = (float)record[MetricCatalog.DarkScore];
        LightScore = (float)record[MetricCatalog.LightScore];
        BlurryScore = (float)record[MetricCatalog.BlurryScore];
        LowInformationScore = (float)record[MetricCatalog.LowInformationScore];
        OddAspectRatioScore = (float)record[MetricCatalog.OddAspectRatioScore];
        OddSizeScore = (float)record[MetricCatalog.OddSizeScore];
        Brisque = (float)record[MetricCatalog.Brisque];
        IsDark = (float)record[MetricCatalog.IsDark];
        IsLight = (float)record[MetricCatalog.IsLight];
        IsBlurry = (float)record[MetricCatalog.IsBlurry];
        IsLowInformation = (float)record[MetricCatalog.IsLowInformation];
        IsOddAspectRatio = (float)record[MetricCatalog.IsOddAspectRatio];
        IsOddSize = (float)record[MetricCatalog.IsOddSize];
        AHash = record.Texts.GetValueOrDefault(TextColumns.AHash, string.Empty);
        PHash = record.Texts.GetValueOrDefault(TextColumns.PHash, string.Empty);
        DHash = record.Texts.GetValueOrDefault(TextColumns.DHash, string.Empty);
        WHash = record.Texts.GetValueOrDefault(TextColumns.WHash, string.Empty);
        ColorHash = record.Texts.GetValueOrDefault(TextColumns.ColorHash, string.Empty);
        FileHash = record.Texts.GetValueOrDefault(TextColumns.FileHash, string.Empty);
        PixelHash = record.Texts.GetValueOrDefault(TextColumns.PixelHash, string.Empty);
        SkinTone = record.Texts.GetValueOrDefault(TextColumns.SkinTone, string.Empty);
        DataGateError = record.Error is { } e ? $"{e.Code}: {e.Message}" : string.Empty;
        DataGateRecord = record;
    }
}
