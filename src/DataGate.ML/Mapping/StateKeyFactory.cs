using System.ComponentModel;
using Microsoft.ML.Transforms;

namespace DataGate.ML.Mapping;

/// <summary>
/// Adds a constant key column to every row. ML.NET saves a custom mapping by contract name only, so a DataGate
/// transform carries its state (parameters, fitted bounds, verdicts) in a value mapping (which ML.NET saves with its
/// table) from this key to the state text; the mapping that needs the state reads it from that column.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[CustomMappingFactoryAttribute(Contract)]
public sealed class StateKeyFactory : CustomMappingFactory<NoColumns, StateKeyRow>
{
    /// <summary>The versioned contract name saved in models.</summary>
    public const string Contract = "DataGate.StateKey.v1";

    /// <inheritdoc/>
    public override Action<NoColumns, StateKeyRow> GetMapping() => static (_, dst) => dst.Key = StateKeyRow.Value;
}
