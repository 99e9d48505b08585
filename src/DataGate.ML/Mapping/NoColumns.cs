using System.ComponentModel;

namespace DataGate.ML.Mapping;

/// <summary>A custom mapping that reads no column. Public only because ML.NET's custom mapping binds it by reflection.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class NoColumns
{
}
