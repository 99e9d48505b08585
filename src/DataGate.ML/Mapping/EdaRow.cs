using System.ComponentModel;
using DataGate.Core.Analysis;
using Microsoft.ML.Data;

namespace DataGate.ML.Mapping;

/// <summary>
/// The opt-in <c>eda_*</c> columns (the UTKFace EDA notebook's definitions on a 100×100 INTER_AREA downscale), added by
/// <c>ComputeImageMetrics</c> only when the selection or the rules include any of them. NaN when not selected or
/// undefined. Public only because ML.NET's custom mapping binds it by reflection.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class EdaRow
{
    /// <summary>eda_variance.</summary>
    [ColumnName("eda_variance")]
    public float EdaVariance { get; set; }

    /// <summary>eda_unique_colors.</summary>
    [ColumnName("eda_unique_colors")]
    public float EdaUniqueColors { get; set; }

    /// <summary>eda_entropy.</summary>
    [ColumnName("eda_entropy")]
    public float EdaEntropy { get; set; }

    /// <summary>eda_brisque.</summary>
    [ColumnName("eda_brisque")]
    public float EdaBrisque { get; set; }

    /// <summary>eda_laplacian_variance.</summary>
    [ColumnName("eda_laplacian_variance")]
    public float EdaLaplacianVariance { get; set; }

    /// <summary>eda_fft_blur.</summary>
    [ColumnName("eda_fft_blur")]
    public float EdaFftBlur { get; set; }

    /// <summary>eda_luminance.</summary>
    [ColumnName("eda_luminance")]
    public float EdaLuminance { get; set; }

    /// <summary>eda_luminance_bin.</summary>
    [ColumnName("eda_luminance_bin")]
    public float EdaLuminanceBin { get; set; }

    /// <summary>The column names, in catalog order.</summary>
    internal static readonly string[] Names =
    [
        "eda_variance",
        "eda_unique_colors",
        "eda_entropy",
        "eda_brisque",
        "eda_laplacian_variance",
        "eda_fft_blur",
        "eda_luminance",
        "eda_luminance_bin",
    ];

    /// <summary>Fills the columns from a record (NaN for an unmeasured one).</summary>
    internal void Fill(ImageRecord? record)
    {
        EdaVariance = Value(record, MetricCatalog.EdaVariance);
        EdaUniqueColors = Value(record, MetricCatalog.EdaUniqueColors);
        EdaEntropy = Value(record, MetricCatalog.EdaEntropy);
        EdaBrisque = Value(record, MetricCatalog.EdaBrisque);
        EdaLaplacianVariance = Value(record, MetricCatalog.EdaLaplacianVariance);
        EdaFftBlur = Value(record, MetricCatalog.EdaFftBlur);
        EdaLuminance = Value(record, MetricCatalog.EdaLuminance);
        EdaLuminanceBin = Value(record, MetricCatalog.EdaLuminanceBin);
    }

    private static float Value(ImageRecord? record, MetricDefinition metric) => record is null ? float.NaN : (float)record[metric];
}
