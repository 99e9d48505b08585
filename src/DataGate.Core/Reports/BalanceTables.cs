using DataGate.Core.Analysis;
using DataGate.Core.Config;
using DataGate.Core.Labels;
using DataGate.Core.Rules;
using DataGate.Core.Statistics;

namespace DataGate.Core.Reports;

/// <summary>
/// The distribution tables of a run over the KEPT images: numeric fields and image metrics summarised by every
/// category field (pandas semantics), cross-tabs, balance and parity results, and the ranked cue scan.
/// </summary>
public sealed class BalanceTables
{
    /// <summary>Smallest group size (images) for a pair to enter the cue scan.</summary>
    public const int MinScanGroup = 5;

    /// <summary>Metrics always summarised by every category field (parity-rule metrics are added).</summary>
    public static IReadOnlyList<string> SummaryMetrics { get; } = ["color_variance", "entropy", "luminance_mean", "laplacian_variance"];

    /// <summary>Kept images the tables cover.</summary>
    public required int Images { get; init; }

    /// <summary>Per field (numeric and category), kept images without a usable value.</summary>
    public required IReadOnlyList<FieldCoverage> Coverage { get; init; }

    /// <summary>Each numeric label field by each category field (except its own bins).</summary>
    public required IReadOnlyList<NamedSummary> FieldSummaries { get; init; }

    /// <summary>Cross-tabs of every pair of category fields (rows: the later field, columns: the earlier).</summary>
    public required IReadOnlyList<NamedCrossTab> CrossTabs { get; init; }

    /// <summary>Image metrics (<see cref="SummaryMetrics"/> and parity metrics) by every category field.</summary>
    public required IReadOnlyList<NamedSummary> MetricSummaries { get; init; }

    /// <summary>Balance rule results, in file order.</summary>
    public required IReadOnlyList<BalanceRuleResult> Balance { get; init; }

    /// <summary>Parity rule results, in file order.</summary>
    public required IReadOnlyList<ParityRuleResult> Parity { get; init; }

    /// <summary>
    /// Every metric × every label field (declared category fields and bins) with its most separated pair of groups,
    /// ranked by AUC separation max(AUC, 1 − AUC) then |Cohen's d| (report only).
    /// </summary>
    public required IReadOnlyList<CueScanEntry> CueScan { get; init; }

    /// <summary>Computes the tables over the kept images of a run.</summary>
    public static BalanceTables Compute(GateResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Compute(result.Config, result.Kept.ToList(), result.BalanceResults, result.ParityResults);
    }

    /// <summary>Computes the tables over <paramref name="kept"/> (labels and derived fields already attached).</summary>
    /// <param name="config">The configuration.</param>
    /// <param name="kept">The kept images.</param>
    /// <param name="balance">Balance results already evaluated by the gate, or null to evaluate them here.</param>
    /// <param name="parity">Parity results already evaluated by the gate, or null to evaluate them here.</param>
    public static BalanceTables Compute(GateConfig config, IReadOnlyList<ImageRecord> kept, IReadOnlyList<BalanceRuleResult>? balance = null, IReadOnlyList<ParityRuleResult>? parity = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(kept);
        var categories = CategoryFields.All(config);
        var numeric = CategoryFields.Numeric(config);
        var groupsOf = categories.ToDictionary(c => c.Name, c => kept.Select(r => c.ValueOf(r, out _)).ToList(), StringComparer.Ordinal);
        var orderOf = categories.ToDictionary(c => c.Name, c => c.CategoriesFor(kept), StringComparer.Ordinal);

        var coverage = new List<FieldCoverage>();
        foreach (var n in numeric)
        {
            int missing = kept.Count(r => !r.Labels.ContainsKey(n.Name));
            coverage.Add(new FieldCoverage(n.Name, missing, kept.Count(r => double.IsNaN(CategoryFields.NumericValue(n, r))) - missing));
        }

        foreach (var c in categories)
        {
            int invalid = 0;
            int missing = 0;
            foreach (var r in kept)
            {
                if (c.ValueOf(r, out bool bad) is null)
                {
                    _ = bad ? invalid++ : missing++;
                }
            }

            coverage.Add(new FieldCoverage(c.Name, missing, invalid));
        }

        var fieldSummaries = new List<NamedSummary>();
        foreach (var n in numeric)
        {
            var values = kept.Select(r => CategoryFields.NumericValue(n, r)).ToArray();
            foreach (var c in categories.Where(c => c.Name != n.BinFieldName))
            {
                fieldSummaries.Add(new NamedSummary(n.Name, c.Name, GroupedSummary.Compute(values, groupsOf[c.Name], orderOf[c.Name])));
            }
        }

        var crossTabs = new List<NamedCrossTab>();
        for (int i = 0; i < categories.Count; i++)
        {
            for (int j = i + 1; j < categories.Count; j++)
            {
                string rows = categories[j].Name;
                string cols = categories[i].Name;
                crossTabs.Add(new NamedCrossTab(rows, cols, CrossTab.Compute(groupsOf[rows], groupsOf[cols], orderOf[rows], orderOf[cols])));
            }
        }

        var metricNames = SummaryMetrics.Concat(config.Parity.Select(p => p.Metric)).Distinct(StringComparer.Ordinal);
        var metricSummaries = new List<NamedSummary>();
        foreach (var name in metricNames)
        {
            var metric = MetricCatalog.Find(name)!;
            var values = kept.Select(r => r[metric]).ToArray();
            foreach (var c in categories)
            {
                metricSummaries.Add(new NamedSummary(name, c.Name, GroupedSummary.Compute(values, groupsOf[c.Name], orderOf[c.Name])));
            }
        }

        return new BalanceTables
        {
            Images = kept.Count,
            Coverage = coverage,
            FieldSummaries = fieldSummaries,
            CrossTabs = crossTabs,
            MetricSummaries = metricSummaries,
            Balance = balance ?? BalanceEvaluator.EvaluateAll(config, kept),
            Parity = parity ?? ParityEvaluator.EvaluateAll(config, kept),
            CueScan = Scan(categories, kept),
        };
    }

    private static List<CueScanEntry> Scan(IReadOnlyList<CategoryField> categories, IReadOnlyList<ImageRecord> kept)
    {
        var entries = new List<CueScanEntry>();
        foreach (var metric in MetricCatalog.All)
        {
            // Label fields only: a metric-derived field (skin_tone, luminance_bin) correlates with metrics by construction.
            foreach (var field in categories.Where(c => c.Kind != CategoryFieldKind.Derived))
            {
                var (pairs, _) = ParityEvaluator.Pairs(metric, field, kept);
                var usable = pairs.Where(p => p.Effects.CountA >= MinScanGroup && p.Effects.CountB >= MinScanGroup && double.IsFinite(p.Effects.CohensD)).ToList();
                if (usable.Count > 0)
                {
                    entries.Add(new CueScanEntry(metric.Name, field.Name, usable.MaxBy(Strength)!, usable.Count));
                }
            }
        }

        return [.. entries.OrderByDescending(e => Strength(e.Strongest)).ThenBy(e => e.Metric, StringComparer.Ordinal).ThenBy(e => e.Field, StringComparer.Ordinal)];
    }

    // Rank-based separation first (robust to outliers and to near-constant metrics), then |d|.
    private static (double, double) Strength(GroupPairEffect p) => (p.Measure(EffectMeasure.Auc), Math.Abs(p.Effects.CohensD));
}
