using System.Runtime.InteropServices;
using DataGate.Core.Analysis;
using DataGate.Core.Config;
using DataGate.Core.Statistics;

namespace DataGate.Core.Labels;

/// <summary>
/// Metric-derived category fields, computed after labels are resolved and stored in <see cref="ImageRecord.Texts"/>:
/// <c>skin_tone</c> (ITA category of <c>skin_tone_ita</c>) and <c>luminance_bin</c> (quantile bins of
/// <c>luminance_mean</c> over the analysed images).
/// </summary>
internal static class DerivedFields
{
    /// <summary>Name of the skin-tone field (same as the metrics.csv text column).</summary>
    public const string SkinTone = TextColumns.SkinTone;

    /// <summary>Name of the luminance quantile-bin field.</summary>
    public const string LuminanceBin = "luminance_bin";

    /// <summary>Skin-tone categories from lightest to darkest.</summary>
    public static IReadOnlyList<string> SkinToneCategories { get; } = ["very_light", "light", "intermediate", "tan", "brown", "dark"];

    /// <summary>Labels of <paramref name="bins"/> luminance quantile bins: <c>q1</c> (darkest) … <c>qN</c>.</summary>
    public static IReadOnlyList<string> LuminanceLabels(int bins) => Enumerable.Range(1, bins).Select(i => "q" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    /// <summary>
    /// Standard ITA categories (degrees): very_light &gt; 55, light (41, 55], intermediate (28, 41], tan (10, 28],
    /// brown (−30, 10], dark ≤ −30; null for NaN.
    /// </summary>
    public static string? SkinToneOf(double ita) => double.IsNaN(ita) ? null
        : ita > 55 ? "very_light" : ita > 41 ? "light" : ita > 28 ? "intermediate" : ita > 10 ? "tan" : ita > -30 ? "brown" : "dark";

    /// <summary>
    /// Returns copies of the records with <c>skin_tone</c> (when the measurement did not already set it) and
    /// <c>luminance_bin</c> on every analysed record; the input is not written. Idempotent.
    /// </summary>
    /// <returns>The records (same order) and the luminance quantile edges (bins + 1 values, ascending; empty when no image has a luminance).</returns>
    public static (IReadOnlyList<ImageRecord> Records, IReadOnlyList<double> Edges) Derive(GateConfig config, IReadOnlyList<ImageRecord> input)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(input);
        var records = input.Select(r => r.IsAnalysed ? r.Copy() : r).ToList();
        var sorted = new List<double>(records.Count);
        foreach (var r in records)
        {
            if (!r.IsAnalysed)
            {
                continue;
            }

            if (!r.Texts.ContainsKey(SkinTone) && SkinToneOf(r[MetricCatalog.SkinToneIta]) is { } tone)
            {
                r.TextSlots[SkinTone] = tone;
            }

            double lum = r[MetricCatalog.LuminanceMean];
            if (double.IsFinite(lum))
            {
                sorted.Add(lum);
            }
        }

        BinEdaLuminance(config.Derived, records);
        if (sorted.Count == 0)
        {
            return (records, []);
        }

        sorted.Sort();
        int n = config.Derived.LuminanceBins;
        var edges = new double[n + 1];
        for (int i = 0; i <= n; i++)
        {
            edges[i] = Quantile.Linear(CollectionsMarshal.AsSpan(sorted), (double)i / n);
        }

        var labels = LuminanceLabels(n);
        foreach (var r in records)
        {
            double lum = r.IsAnalysed ? r[MetricCatalog.LuminanceMean] : double.NaN;
            if (!double.IsFinite(lum))
            {
                continue;
            }

            // pandas qcut: right-inclusive bins, the lowest edge included in the first bin.
            int bin = n - 1;
            for (int i = 1; i <= n; i++)
            {
                if (lum <= edges[i])
                {
                    bin = i - 1;
                    break;
                }
            }

            r.TextSlots[LuminanceBin] = labels[bin];
        }

        return (records, edges);
    }

    /// <summary>
    /// Re-bins <c>eda_luminance_bin</c> (measured as the notebook's <c>floor(lum / 51)</c>) when
    /// <c>derived.eda_luminance_bins</c> gives edges (numpy <c>digitize</c>: the number of edges ≤ lum) or
    /// <c>mean_std</c> (edges mean ∓ std over these records, pandas std with ddof 1). Writes the given copies only.
    /// </summary>
    private static void BinEdaLuminance(DerivedSettings settings, List<ImageRecord> records)
    {
        IReadOnlyList<double>? edges = settings.EdaLuminanceEdges;
        if (settings.EdaLuminanceMeanStd)
        {
            var values = records.Where(r => r.IsAnalysed).Select(r => r[MetricCatalog.EdaLuminance]).Where(double.IsFinite).ToArray();
            if (values.Length < 2)
            {
                return;
            }

            double mean = values.Average();
            double std = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
            edges = [mean - std, mean + std];
        }

        if (edges is null)
        {
            return;
        }

        foreach (var r in records)
        {
            double lum = r.IsAnalysed ? r[MetricCatalog.EdaLuminance] : double.NaN;
            if (double.IsFinite(lum))
            {
                r.ValueSlots[MetricCatalog.EdaLuminanceBin.Index] = edges.Count(e => e <= lum);
            }
        }
    }
}
