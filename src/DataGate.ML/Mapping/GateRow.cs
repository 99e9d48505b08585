using System.ComponentModel;
using Microsoft.ML.Data;

namespace DataGate.ML.Mapping;

/// <summary>The verdict columns <c>Gate</c> adds. Public only because ML.NET's custom mapping binds it by reflection.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class GateRow
{
    /// <summary>True when the row passes the quality and duplicate rules.</summary>
    [ColumnName(DataGateColumns.Kept)]
    public bool Kept { get; set; }

    /// <summary>Rule ids that excluded the row, or the error code; empty when kept.</summary>
    [ColumnName(DataGateColumns.Reason)]
    public string Reason { get; set; } = string.Empty;

    /// <summary>The duplicate group (dup-N), empty when none.</summary>
    [ColumnName(DataGateColumns.DuplicateGroup)]
    public string DuplicateGroup { get; set; } = string.Empty;

    /// <summary>The fitted split of a kept row; empty when none.</summary>
    [ColumnName(DataGateColumns.Split)]
    public string Split { get; set; } = string.Empty;

    /// <summary>The fitted fold; −1 when none.</summary>
    [ColumnName(DataGateColumns.Fold)]
    public int Fold { get; set; }

    /// <summary>The stratification cell of a split row; empty when none.</summary>
    [ColumnName(DataGateColumns.Stratum)]
    public string Stratum { get; set; } = string.Empty;

    /// <summary>odd_size_score against the fitted band (replaces the NaN of ComputeImageMetrics: it is dataset-relative).</summary>
    [ColumnName("odd_size_score")]
    public float OddSizeScore { get; set; }

    /// <summary>is_odd_size against the fitted band.</summary>
    [ColumnName("is_odd_size")]
    public float IsOddSize { get; set; }
}
