using Microsoft.ML;

namespace DataGate.ML;

/// <summary>Entry points: <c>mlContext.Transforms.DataGate()</c> and <c>mlContext.Data.DataGate()</c>.</summary>
public static class DataGateCatalogExtensions
{
    /// <summary>DataGate's transforms: <c>ComputeImageMetrics</c>, <c>Gate</c>.</summary>
    public static DataGateTransforms DataGate(this TransformsCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new DataGateTransforms(catalog);
    }

    /// <summary>DataGate's data operations: <c>FilterKept</c>, <c>StratifiedSplit</c>.</summary>
    public static DataGateDataOperations DataGate(this DataOperationsCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new DataGateDataOperations(catalog);
    }
}
