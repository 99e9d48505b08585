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

        var sizes = analysed.Select(r => (r.Facts!.Width, r.Facts.Height)).ToList();
        var scores = OddSize.Scores(sizes);
        var issues = OddSize.Issues(scores, sizes);
        for (int i = 0; i < analysed.Count; i++)
        {
            analysed[i].Values[MetricCatalog.OddSizeScore.Index] = scores[i];
            analysed[i].Values[MetricCatalog.IsOddSize.Index] = issues[i] ? 1 : 0;
        }
    }
}
