using System.Globalization;
using DataGate.Core.Analysis;
using DataGate.Core.Config;
using DataGate.Core.Diagnostics;
using DataGate.Core.Labels;
using DataGate.Core.Statistics;

namespace DataGate.Core.Rules;

/// <summary>
/// Evaluates balance rules over the KEPT images (after exclusions). Images without a usable value of a rule field
/// are counted per field and reported; shares are taken over the images labelled for every rule field.
/// </summary>
internal static class BalanceEvaluator
{
    /// <summary>Categories or cells listed in a finding's message (report.json lists all in the balance section).</summary>
    public const int MaxCellsInMessage = 8;

    /// <summary>Evaluates every balance rule of <paramref name="config"/>.</summary>
    public static IReadOnlyList<BalanceRuleResult> EvaluateAll(GateConfig config, IReadOnlyList<ImageRecord> kept)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.Balance.Select(rule => Evaluate(rule, config, kept)).ToList();
    }

    /// <summary>Evaluates one rule.</summary>
    /// <param name="rule">The rule; its fields must be category fields of <paramref name="config"/>.</param>
    /// <param name="config">The configuration declaring the fields.</param>
    /// <param name="kept">The kept images.</param>
    public static BalanceRuleResult Evaluate(BalanceRule rule, GateConfig config, IReadOnlyList<ImageRecord> kept)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(kept);
        var fields = rule.Fields.Select(n => CategoryFields.Find(config, n) ?? throw new ArgumentException($"'{n}' is not a category field of the configuration.", nameof(rule))).ToList();
        var categories = fields.Select(f => f.CategoriesFor(kept)).ToList();
        var keys = CellKeys(categories);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var k in keys)
        {
            counts[k] = 0;
        }

        var missing = new int[fields.Count];
        var invalid = new int[fields.Count];
        int labelled = 0;
        var parts = new string[fields.Count];
        foreach (var r in kept)
        {
            bool usable = true;
            for (int i = 0; i < fields.Count; i++)
            {
                var v = fields[i].ValueOf(r, out bool bad);
                if (v is null)
                {
                    usable = false;
                    (bad ? invalid : missing)[i]++;
                }
                else
                {
                    parts[i] = v;
                }
            }

            if (usable)
            {
                labelled++;
                var key = string.Join(" × ", parts);
                counts[key] = counts.GetValueOrDefault(key) + 1;
                if (!keys.Contains(key))
                {
                    keys.Add(key);
                }
            }
        }

        var coverage = fields.Select((f, i) => new FieldCoverage(f.Name, missing[i], invalid[i])).ToList();
        return Judge(rule, keys, counts, labelled, kept.Count, coverage);
    }

    private static BalanceRuleResult Judge(BalanceRule rule, List<string> keys, Dictionary<string, long> counts, int labelled, int total, List<FieldCoverage> coverage)
    {
        double Share(string k) => labelled == 0 ? double.NaN : (double)counts[k] / labelled;
        DistributionComparisonResult? comparison = null;
        double observed;
        bool passed;
        HashSet<string> offending;
        string detail;
        string threshold;
        switch (rule.Kind)
        {
            case BalanceRuleKind.MinShare:
                offending = keys.Where(k => !(Share(k) >= rule.Bound)).ToHashSet(StringComparer.Ordinal);
                observed = keys.Count == 0 ? double.NaN : keys.Min(Share);
                passed = labelled > 0 && offending.Count == 0;
                threshold = "≥ " + F(rule.Bound);
                detail = $"{offending.Count} of {keys.Count} {Noun(rule)} below {rule.Bound:P1}: " + List(keys.Where(offending.Contains).OrderBy(Share), k => $"{k} {Share(k):P1} ({counts[k]} of {labelled})");
                break;
            case BalanceRuleKind.MinCount:
                offending = keys.Where(k => counts[k] < rule.Bound).ToHashSet(StringComparer.Ordinal);
                observed = keys.Count == 0 ? double.NaN : keys.Min(k => counts[k]);
                passed = labelled > 0 && offending.Count == 0;
                threshold = "≥ " + F(rule.Bound);
                detail = $"{offending.Count} of {keys.Count} {Noun(rule)} hold fewer than {F(rule.Bound)} images: " + List(keys.Where(offending.Contains).OrderBy(k => counts[k]), k => $"{k} {counts[k]}");
                break;
            case BalanceRuleKind.MaxRatio:
                string? hi = keys.Count == 0 ? null : keys.MaxBy(k => counts[k]);
                string? lo = keys.Count == 0 ? null : keys.MinBy(k => counts[k]);
                observed = hi is null ? double.NaN : counts[lo!] == 0 ? double.PositiveInfinity : (double)counts[hi] / counts[lo!];
                passed = labelled > 0 && observed <= rule.Bound;
                offending = passed || hi is null ? [] : new HashSet<string>([hi, lo!], StringComparer.Ordinal);
                threshold = "≤ " + F(rule.Bound);
                detail = hi is null ? "no category" : $"{hi}/{lo} = {counts[hi]}/{counts[lo!]} = {F(observed)} exceeds {F(rule.Bound)}";
                break;
            default:
                comparison = DistributionComparison.Compare(keys.ToDictionary(k => k, k => counts[k], StringComparer.Ordinal), rule.Reference!);
                observed = rule.Distance switch
                {
                    DistanceMeasure.TotalVariation => comparison.TotalVariation,
                    DistanceMeasure.KullbackLeibler => comparison.KullbackLeibler,
                    _ => comparison.ChiSquare.PValue,
                };
                passed = rule.Distance == DistanceMeasure.ChiSquarePValue ? observed >= rule.Bound : observed <= rule.Bound;
                threshold = (rule.Distance == DistanceMeasure.ChiSquarePValue ? "p ≥ " : "≤ ") + F(rule.Bound);
                var gaps = comparison.Categories.Select((c, i) => (c, o: comparison.ObservedShares[i], q: comparison.ReferenceShares[i])).OrderByDescending(g => Math.Abs(g.o - g.q)).ToList();
                offending = passed ? [] : gaps.Where(g => g.o < g.q).Select(g => g.c).ToHashSet(StringComparer.Ordinal);
                string measure = rule.Distance switch
                {
                    DistanceMeasure.TotalVariation => "total variation",
                    DistanceMeasure.KullbackLeibler => "KL divergence",
                    _ => "χ² p-value",
                };
                detail = $"{measure} {F(observed)} {(rule.Distance == DistanceMeasure.ChiSquarePValue ? "is below" : "exceeds")} {F(rule.Bound)}; observed vs reference: " + List(gaps, g => $"{g.c} {g.o:P1} vs {g.q:P1}");
                break;
        }

        var cells = keys.Select(k => new BalanceCell(k, counts[k], Share(k), comparison is null ? double.NaN : rule.Reference!.GetValueOrDefault(k, 0.0), offending.Contains(k))).ToList();
        Finding? finding = null;
        if (!passed)
        {
            if (labelled == 0)
            {
                detail = $"none of the {total} kept images has a usable {string.Join(" and ", rule.Fields)}";
            }

            var unusable = coverage.Where(c => c.Unusable > 0).Select(c => $"{c.Unusable} of {total} kept images have no usable {c.Field} ({c.Missing} missing, {c.Invalid} undeclared or unbinned)");
            string note = string.Join("; ", unusable);
            var severity = rule.Action == RuleAction.Warn ? Severity.Warning : Severity.Error;
            finding = new Finding
            {
                Diagnostic = DiagnosticCodes.BalanceRuleFailed.Create(severity, $"balance rule '{rule.Id}' failed: {detail}" + (note.Length == 0 ? string.Empty : "; " + note), rule.Location, ruleId: rule.Id),
                RuleDescription = rule.Describe(),
                Observed = observed,
                Threshold = threshold,
            };
        }

        return new BalanceRuleResult
        {
            Rule = rule,
            Passed = passed,
            Observed = observed,
            Total = total,
            Labelled = labelled,
            Coverage = coverage,
            Cells = cells,
            Comparison = comparison,
            Finding = finding,
        };
    }

    private static List<string> CellKeys(List<IReadOnlyList<string>> categories)
    {
        IEnumerable<string> keys = categories[0];
        for (int i = 1; i < categories.Count; i++)
        {
            var next = categories[i];
            keys = keys.SelectMany(k => next.Select(n => k + " × " + n));
        }

        return keys.ToList();
    }

    private static string Noun(BalanceRule rule) => rule.IsCross ? $"cells of {string.Join(" × ", rule.Fields)}" : $"{rule.Fields[0]} categories";

    private static string List<T>(IEnumerable<T> items, Func<T, string> text)
    {
        var all = items.ToList();
        var shown = string.Join(", ", all.Take(MaxCellsInMessage).Select(text));
        return all.Count > MaxCellsInMessage ? $"{shown}, … {all.Count - MaxCellsInMessage} more" : shown;
    }

    internal static string F(double d) => double.IsPositiveInfinity(d) ? "∞" : d.ToString("G4", CultureInfo.InvariantCulture);
}
