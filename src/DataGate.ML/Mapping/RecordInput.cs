using System.ComponentModel;
using DataGate.Core.Analysis;
using Microsoft.ML.Data;

namespace DataGate.ML.Mapping;

/// <summary>Input of a mapping that reads only the measured record. Public only because ML.NET's custom mapping binds it by reflection.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class RecordInput
{
    /// <summary>The measured record.</summary>
    [ColumnName(DataGateColumns.Record)]
    [ImageRecordType]
    public ImageRecord? Record { get; set; }
}
