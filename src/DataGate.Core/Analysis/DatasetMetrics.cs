namespace DataGate.Core.Analysis;

/// <summary>Metrics that are relative to the whole dataset (e.g. cleanvision's odd-size score).</summary>
internal static class DatasetMetrics
{
    public static void Compute(IReadOnlyList<ImageRecord> records)
    {
        _ = records;
    }
}
