using System.ComponentModel;
using Microsoft.ML.Data;

namespace DataGate.ML.Mapping;

/// <summary>Input of the path metrics mapping. Public only because ML.NET's custom mapping binds it by reflection.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class PathInput
{
    /// <summary>The image path (relative to the image folder).</summary>
    [ColumnName(DataGateColumns.ImagePath)]
    public ReadOnlyMemory<char> Path { get; set; }

    /// <summary>The transform's saved settings.</summary>
    [ColumnName(DataGateColumns.MetricsState)]
    public ReadOnlyMemory<char> State { get; set; }
}
