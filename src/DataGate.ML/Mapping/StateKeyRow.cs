using System.ComponentModel;
using Microsoft.ML.Data;

namespace DataGate.ML.Mapping;

/// <summary>
/// The constant key a value mapping turns into a DataGate transform's saved state (see <see cref="StateKeyFactory"/>).
/// Public only because ML.NET's custom mapping binds it by reflection.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class StateKeyRow
{
    /// <summary>The key every row carries.</summary>
    internal const string Value = "datagate:state";

    /// <summary>Always <c>datagate:state</c>.</summary>
    [ColumnName(DataGateColumns.StateKey)]
    public string Key { get; set; } = string.Empty;
}
