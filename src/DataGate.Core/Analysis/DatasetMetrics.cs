using DataGate.Core.Metrics;

namespace DataGate.Core.Analysis;

/// <summary>Metrics that are relative to the whole dataset (cleanvision's odd-size score).</summary>
internal static class DatasetMetrics
{
    public static void Compute(IReadOnlyList<ImageRecord> records)
    {
        var analysed = records.Where(r => r.IsAnalysed && r.Facts is not null).ToList();
        if (analysed.Count == 0)
        {
            return;
        }

        var scores = OddSize.Scores(analysed.Select(r => (r.Facts!.Width, r.Facts.Height)).ToList());
        for (int i = 0; i < analysed.Count; i++)
        {
            analysed[i].Values[MetricCatalog.OddSizeScore.Index] = scores[i];
        }
    }
}
