using System.ComponentModel;

namespace DataGate.ML.Mapping;

/// <summary>The column FilterKept reads. Public only because ML.NET binds it by reflection.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class KeptRow
{
    /// <summary>The gate's verdict.</summary>
    public bool DataGateKept { get; set; }
}
