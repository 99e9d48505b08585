using System.Globalization;
using DataGate.Core.Analysis;
using DataGate.Core.Config;
using DataGate.Core.Diagnostics;

namespace DataGate.Core.Rules;

/// <summary>Evaluates one quality rule over the analysed images (calculate → score → mark).</summary>
internal static class QualityRuleEvaluator
{
    /// <summary>Judges every analysed row against the resolved bounds; writes nothing.</summary>
    /// <param name="rule">The rule.</param>
    /// <param name="min">Resolved lower bound (−∞ for none).</param>
    /// <param name="max">Resolved upper bound (+∞ for none).</param>
    /// <param name="analysed">The analysed rows.</param>
    /// <returns>The findings, and the positions in <paramref name="analysed"/> the rule excludes (empty unless its action is exclude).</returns>
    public static (List<Finding> Findings, List<int> Excluded) Evaluate(QualityRule rule, double min, double max, IReadOnlyList<ImageRecord> analysed)
    {
        var metric = MetricCatalog.Find(rule.Metric)!;
        var failing = new List<ImageValue>();
        var failingRows = new List<int>();
        var missing = new List<ImageValue>();
        var findings = new List<Finding>();
        for (int i = 0; i < analysed.Count; i++)
        {
            var r = analysed[i];
            double v = r[metric];
            if (double.IsNaN(v))
            {
                missing.Add(new ImageValue(r.Path, v));
                continue;
            }

            if (v < min || v > max)
            {
                failing.Add(new ImageValue(r.Path, v));
                failingRows.Add(i);
            }
        }

        // Worst first: furthest outside its bound.
        failing.Sort((a, b) =>
        {
            int c = Distance(b.Value, min, max).CompareTo(Distance(a.Value, min, max));
            return c != 0 ? c : string.CompareOrdinal(a.Path, b.Path);
        });

        string threshold = BoundText(min, max);
        int judged = analysed.Count - missing.Count;
        double passShare = judged == 0 ? 1.0 : (double)(judged - failing.Count) / judged;
        string description = rule.Describe();
        if (missing.Count > 0)
        {
            findings.Add(new Finding
            {
                Diagnostic = DiagnosticCodes.MetricUnavailable.Create($"rule '{rule.Id}': {rule.Metric} is undefined for {missing.Count} image(s); they are neither passed nor failed", rule.Location, ruleId: rule.Id),
                RuleDescription = description,
                Images = missing,
            });
        }

        var excluded = rule.Action == RuleAction.Exclude ? failingRows : [];

        bool ruleFails = passShare < rule.Mostly;
        string counted = $"{failing.Count} of {judged} images ({1 - passShare:P1}) have {rule.Metric} outside {threshold}";
        if (ruleFails)
        {
            findings.Add(new Finding
            {
                Diagnostic = DiagnosticCodes.QualityRuleFailed.Create(rule.Severity, $"rule '{rule.Id}' failed: {counted}; at least {rule.Mostly:P1} must pass", rule.Location, ruleId: rule.Id),
                RuleDescription = description,
                Observed = passShare,
                Threshold = threshold,
                Images = failing,
            });
        }
        else if (failing.Count > 0)
        {
            var code = rule.Action == RuleAction.Exclude ? DiagnosticCodes.QualityRuleExcluded : DiagnosticCodes.QualityRuleWarning;
            string verb = rule.Action == RuleAction.Exclude ? "excluded" : "flagged";
            findings.Add(new Finding
            {
                Diagnostic = code.Create($"rule '{rule.Id}' {verb} images: {counted}", rule.Location, ruleId: rule.Id),
                RuleDescription = description,
                Observed = passShare,
                Threshold = threshold,
                Images = failing,
            });
        }

        return (findings, excluded);
    }

    private static double Distance(double v, double min, double max) => v < min ? min - v : v - max;

    internal static string BoundText(double min, double max)
    {
        static string F(double d) => d.ToString("G6", CultureInfo.InvariantCulture);
        return (double.IsNegativeInfinity(min), double.IsPositiveInfinity(max)) switch
        {
            (false, false) => $"[{F(min)}, {F(max)}]",
            (false, true) => $"≥ {F(min)}",
            (true, false) => $"≤ {F(max)}",
            _ => "any value",
        };
    }
}
