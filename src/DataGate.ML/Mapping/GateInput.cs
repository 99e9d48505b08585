using System.ComponentModel;
using DataGate.Core.Analysis;
using Microsoft.ML.Data;

namespace DataGate.ML.Mapping;

/// <summary>Input of the gate mapping. Public only because ML.NET's custom mapping binds it by reflection.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class GateInput
{
    /// <summary>The measured record.</summary>
    [ColumnName(DataGateColumns.Record)]
    [ImageRecordType]
    public ImageRecord? Record { get; set; }

    /// <summary>The fitted gate's saved state.</summary>
    [ColumnName(DataGateColumns.GateState)]
    public ReadOnlyMemory<char> State { get; set; }
}
