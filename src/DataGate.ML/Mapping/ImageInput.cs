using System.ComponentModel;
using Microsoft.ML.Data;

namespace DataGate.ML.Mapping;

/// <summary>Input of the MLImage metrics mapping. Public only because ML.NET's custom mapping binds it by reflection.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ImageInput
{
    /// <summary>The decoded image (LoadImages).</summary>
    [ColumnName(DataGateColumns.Image)]
    [AnySizeImageType]
    public MLImage? Image { get; set; }

    /// <summary>The image's name (e.g. its path), or the state key when the pipeline gave no name column.</summary>
    [ColumnName(DataGateColumns.ImageName)]
    public ReadOnlyMemory<char> Name { get; set; }

    /// <summary>The transform's saved settings.</summary>
    [ColumnName(DataGateColumns.MetricsState)]
    public ReadOnlyMemory<char> State { get; set; }
}
