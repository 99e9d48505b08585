using DataGate.Core.Config;
using DataGate.Core.Metrics;

namespace DataGate.Core.Analysis;

/// <summary>
/// Metrics that are relative to a whole set of images (cleanvision's odd size: fit over rows, then apply to rows), and
/// the cleanvision issue flags under the rule file's thresholds (a function of each row's scores).
/// </summary>
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
    /// Returns the rows with <c>odd_size_score</c> and <c>is_odd_size</c> from <paramref name="fences"/> and the
    /// cleanvision flags under <paramref name="cleanVision"/>; a row whose values already equal them is returned as is,
    /// any other is a new record (the input is never written).
    /// </summary>
    public static IReadOnlyList<ImageRecord> Apply(IReadOnlyList<ImageRecord> records, OddSizeFences? fences, CleanVisionSettings cleanVision)
    {
        ArgumentNullException.ThrowIfNull(cleanVision);
        var result = new ImageRecord[records.Count];
        var values = new double[MetricCatalog.All.Count];
        for (int i = 0; i < result.Length; i++)
        {
            var r = records[i];
            result[i] = r;
            if (!r.IsAnalysed)
            {
                continue;
            }

            r.Values.CopyTo(values);
            bool changed = PixelMetrics.SetCleanVisionFlags(values, cleanVision);
            if (fences is not null && r.Facts is { } f)
            {
                double score = fences.Score(f.Width, f.Height);
                double odd = fences.IsOdd(score) ? 1 : 0;
                changed |= !values[MetricCatalog.OddSizeScore.Index].Equals(score) || !values[MetricCatalog.IsOddSize.Index].Equals(odd);
                values[MetricCatalog.OddSizeScore.Index] = score;
                values[MetricCatalog.IsOddSize.Index] = odd;
            }

            if (!changed)
            {
                continue;
            }

            var copy = r.Copy();
            values.CopyTo(copy.ValueSlots, 0);
            result[i] = copy;
        }

        return result;
    }
}
