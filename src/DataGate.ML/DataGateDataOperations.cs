using DataGate.ML.Mapping;
using Microsoft.ML;

namespace DataGate.ML;

/// <summary>DataGate's data operations on an ML.NET <see cref="DataOperationsCatalog"/> (<c>mlContext.Data.DataGate()</c>).</summary>
public sealed class DataGateDataOperations
{
    private readonly DataOperationsCatalog _catalog;

    internal DataGateDataOperations(DataOperationsCatalog catalog) => _catalog = catalog;

    /// <summary>The rows the gate kept (<see cref="DataGateColumns.Kept"/> true), in order; lazy.</summary>
    /// <param name="scored">Output of a fitted <c>Gate</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException">The data has no Boolean DataGateKept column (DG1036).</exception>
    public IDataView FilterKept(IDataView scored)
    {
        ArgumentNullException.ThrowIfNull(scored);
        var (type, actual) = ColumnCheck.Find(scored.Schema, DataGateColumns.Kept);
        if (type is not Microsoft.ML.Data.BooleanDataViewType)
        {
            throw ColumnCheck.Mismatch(DataGateColumns.Kept, "Boolean (add Gate before FilterKept)", actual, nameof(scored));
        }

        return _catalog.FilterByCustomPredicate<KeptRow>(scored, static row => !row.DataGateKept);
    }
}
