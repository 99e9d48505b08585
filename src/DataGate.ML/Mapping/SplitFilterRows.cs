using System.ComponentModel;
using Microsoft.ML.Data;

namespace DataGate.ML.Mapping;

/// <summary>The column the fitted-split filter reads. Public only because ML.NET binds it by reflection.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class SplitNameRow
{
    /// <summary>The fitted split.</summary>
    [ColumnName(DataGateColumns.Split)]
    public string Split { get; set; } = string.Empty;
}

/// <summary>The key column the planned-split filter reads. Public only because ML.NET binds it by reflection.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class SplitKeyRow
{
    /// <summary>The row's key.</summary>
    [ColumnName(DataGateColumns.SplitKey)]
    public string Key { get; set; } = string.Empty;
}
