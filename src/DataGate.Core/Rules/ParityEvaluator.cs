using System.Globalization;
using DataGate.Core.Analysis;
using DataGate.Core.Config;
using DataGate.Core.Diagnostics;
using DataGate.Core.Labels;
using DataGate.Core.Statistics;

namespace DataGate.Core.Rules;

/// <summary>
/// Evaluates parity rules over the KEPT images: for every pair of non-empty groups of a category field, how well a
/// metric separates them (Cohen's d, KS, AUC). A metric that separates groups is a shortcut a model can learn.
/// </summary>
internal static class ParityEvaluator
{
    /// <summary>Evaluates every parity rule of <paramref name="config"/>.</summary>
    public static IReadOnlyList<ParityRuleResult> EvaluateAll(GateConfig config, IReadOnlyList<ImageRecord> kept)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.Parity.Select(rule => Evaluate(rule, config, kept)).ToList();
    }

    /// <summary>Evaluates one rule.</summary>
    public static ParityRuleResult Evaluate(ParityRule rule, GateConfig config, IReadOnlyList<ImageRecord> kept)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(config);
        var field = CategoryFields.Find(config, rule.Across) ?? throw new ArgumentException($"'{rule.Across}' is not a category field of the configuration.", nameof(rule));
        var metric = MetricCatalog.Find(rule.Metric) ?? throw new ArgumentException($"unknown metric '{rule.Metric}'.", nameof(rule));
        var (pairs, coverage) = Pairs(metric, field, kept);
        pairs = [.. pairs.OrderByDescending(p => Key(p.Measure(rule.Measure)))];
        double observed = pairs.Count == 0 ? double.NaN : pairs.Max(p => Key(p.Measure(rule.Measure)));
        observed = double.IsNegativeInfinity(observed) ? double.NaN : observed;
        var above = pairs.Where(p => p.Measure(rule.Measure) > rule.MaxEffect).ToList();
        Finding? finding = null;
        if (above.Count > 0)
        {
            var list = string.Join(", ", above.Take(BalanceEvaluator.MaxCellsInMessage).Select(p =>
                $"{p.Higher} > {p.Lower}: |d| {F(Math.Abs(p.Effects.CohensD))}, KS {F(p.Effects.KolmogorovSmirnov)}, AUC {F(p.Effects.Auc)} (n {p.Effects.CountA}/{p.Effects.CountB})"));
            string more = above.Count > BalanceEvaluator.MaxCellsInMessage ? $", … {above.Count - BalanceEvaluator.MaxCellsInMessage} more" : string.Empty;
            finding = new Finding
            {
                Diagnostic = DiagnosticCodes.ParityRuleFailed.Create(
                    rule.Action == RuleAction.Warn ? Severity.Warning : Severity.Error,
                    $"parity rule '{rule.Id}' failed: {rule.Metric} separates {above.Count} pair(s) of {rule.Across} groups beyond {rule.MeasureName} {F(rule.MaxEffect)}: {list}{more}",
                    rule.Location,
                    ruleId: rule.Id),
                RuleDescription = rule.Describe(),
                Observed = observed,
                Threshold = "≤ " + F(rule.MaxEffect),
            };
        }

        return new ParityRuleResult { Rule = rule, Passed = above.Count == 0, Observed = observed, Coverage = coverage, Pairs = pairs, Finding = finding };
    }

    /// <summary>
    /// Effect sizes of <paramref name="metric"/> for every pair of non-empty groups of <paramref name="field"/>, in
    /// category order, each oriented higher mean first.
    /// </summary>
    public static (List<GroupPairEffect> Pairs, FieldCoverage Coverage) Pairs(MetricDefinition metric, CategoryField field, IReadOnlyList<ImageRecord> records)
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(records);
        var groups = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        int missing = 0;
        int invalid = 0;
        foreach (var r in records)
        {
            var v = field.ValueOf(r, out bool bad);
            if (v is null)
            {
                _ = bad ? invalid++ : missing++;
                continue;
            }

            if (!groups.TryGetValue(v, out var list))
            {
                groups[v] = list = [];
            }

            list.Add(r[metric]);
        }

        var order = field.CategoriesFor(records).Where(groups.ContainsKey).ToList();
        var pairs = new List<GroupPairEffect>();
        for (int i = 0; i < order.Count; i++)
        {
            for (int j = i + 1; j < order.Count; j++)
            {
                var a = groups[order[i]];
                var b = groups[order[j]];
                var e = EffectSizes.Compare(a.ToArray(), b.ToArray());
                if (e.CountA == 0 || e.CountB == 0)
                {
                    continue;
                }

                pairs.Add(e.CohensD < 0 || (double.IsNaN(e.CohensD) && e.Auc < 0.5)
                    ? new GroupPairEffect(order[j], order[i], EffectSizes.Compare(b.ToArray(), a.ToArray()))
                    : new GroupPairEffect(order[i], order[j], e));
            }
        }

        return (pairs, new FieldCoverage(field.Name, missing, invalid));
    }

    private static double Key(double v) => double.IsNaN(v) ? double.NegativeInfinity : v;

    private static string F(double d) => d.ToString("G3", CultureInfo.InvariantCulture);
}
