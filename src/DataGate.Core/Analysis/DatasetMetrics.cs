using DataGate.Core.Metrics;

namespace DataGate.Core.Analysis;

/// <summary>Metrics that are relative to a whole set of images (cleanvision's odd size): fit over rows, then apply to rows.</summary>
internal static class DatasetMetrics
{
    /// <summary>Fits the odd-size band over the analysed rows; null when none has a size.</summary>
    public static OddSizeFences? Fit(IReadOnlyList<ImageRecord> records)
    {
        var sizes = new List<(int, int)>(records.Count);
        foreach (var r in records)
        {
            if (r.IsAnalysed && r.Facts is { } f)
            {
                sizes.Add((f.Width, f.Height));
            }
        }

        return OddSizeFences.Fit(sizes);
    }

    /// <summary>
    /// Returns the rows with <c>odd_size_score</c> and <c>is_odd_size</c> from <paramref name="fences"/>; a row whose
    /// values already equal them is returned as is, any other is a new record (the input is never written).
    /// </summary>
    public static IReadOnlyList<ImageRecord> Apply(IReadOnlyList<ImageRecord> records, OddSizeFences? fences)
    {
        if (fences is null)
        {
            return records;
        }

        var result = new ImageRecord[records.Count];
        for (int i = 0; i < result.Length; i++)
        {
            var r = records[i];
            result[i] = r;
            if (!r.IsAnalysed || r.Facts is not { } f)
            {
                continue;
            }

            double score = fences.Score(f.Width, f.Height);
            double odd = fences.IsOdd(score) ? 1 : 0;
            if (r[MetricCatalog.OddSizeScore].Equals(score) && r[MetricCatalog.IsOddSize].Equals(odd))
            {
                continue;
            }

            var copy = r.Copy();
            copy.ValueSlots[MetricCatalog.OddSizeScore.Index] = score;
            copy.ValueSlots[MetricCatalog.IsOddSize.Index] = odd;
            result[i] = copy;
        }

        return result;
    }
}
