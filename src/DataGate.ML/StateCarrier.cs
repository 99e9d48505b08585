using DataGate.ML.Mapping;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace DataGate.ML;

/// <summary>
/// How a DataGate transform carries its state inside an ML.NET model with public API only. ML.NET saves a custom
/// mapping by its contract name alone, and its loader extension points (LoadableClass, ModelLoadContext) are internal
/// in ML.NET 5.0.1. So each DataGate transform is a chain of saveable ML.NET transforms: a custom mapping adds a
/// constant key column, a value mapping (saved with its table) maps the key to the state text, the DataGate mapping
/// reads that state column (parsed once per model, see <see cref="StateCache{T}"/>), and the helper columns are dropped.
/// </summary>
internal static class StateCarrier
{
    public static EstimatorChain<ITransformer> Carry(TransformsCatalog catalog, string stateColumn, string state)
        => new EstimatorChain<ITransformer>()
            .Append<ITransformer>(catalog.CustomMapping(new StateKeyFactory().GetMapping(), StateKeyFactory.Contract))
            .Append<ITransformer>(catalog.Conversion.MapValue(stateColumn, [new KeyValuePair<string, string>(StateKeyRow.Value, state)], DataGateColumns.StateKey));
}
