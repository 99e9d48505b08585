using System.Globalization;
using System.Runtime.InteropServices;
using DataGate.Core.Analysis;
using DataGate.Core.Config;
using DataGate.Core.Diagnostics;
using DataGate.Core.Duplicates;
using DataGate.Core.Statistics;

namespace DataGate.Core.Rules;

/// <summary>
/// Evaluates every rule over every image, then decides once (rules are data; evaluation collects every failure).
/// </summary>
public static class GateEvaluator
{
    /// <summary>Evaluates the configuration over an analysis.</summary>
    public static GateResult Evaluate(GateConfig config, DatasetAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(analysis);
        var records = analysis.Records;
        var findings = new List<Finding>();
        foreach (var d in analysis.Diagnostics)
        {
            findings.Add(new Finding { Diagnostic = d });
        }

        foreach (var r in records)
        {
            foreach (var note in r.Notes)
            {
                findings.Add(new Finding { Diagnostic = note });
            }

            if (r.Error is not null)
            {
                // A per-file error is reported, and weighed by the gate through max_errored_fraction, not one by one.
                findings.Add(new Finding { Diagnostic = r.Error with { Severity = Severity.Warning } });
            }
        }

        var exclusions = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var bounds = new Dictionary<string, (double, double)>(StringComparer.Ordinal);
        var analysed = records.Where(r => r.IsAnalysed).ToList();
        foreach (var rule in config.Quality)
        {
            var (min, max) = ResolveBounds(rule, analysed);
            bounds[rule.Id] = (min, max);
            findings.AddRange(QualityRuleEvaluator.Evaluate(rule, min, max, analysed, exclusions));
        }

        var fields = config.Fields.Count > 0 ? config.Fields.Select(f => f.Name).ToList() : null;
        var duplicates = DuplicateFinder.Find(records, config.Duplicates, fields);
        findings.AddRange(DuplicateEvaluator.Evaluate(config.Duplicates, duplicates, exclusions));

        int errored = records.Count(r => !r.IsAnalysed);
        int excluded = analysed.Count(r => exclusions.ContainsKey(r.Path));
        var counts = new GateCounts(records.Count, analysed.Count - excluded, excluded, errored);
        findings.AddRange(GateLimits(config, counts));
        var kept = analysed.Where(r => !exclusions.ContainsKey(r.Path)).ToList();
        var balance = BalanceEvaluator.EvaluateAll(config, kept);
        var parity = ParityEvaluator.EvaluateAll(config, kept);
        findings.AddRange(balance.Select(b => b.Finding).OfType<Finding>());
        findings.AddRange(parity.Select(p => p.Finding).OfType<Finding>());
        return new GateResult
        {
            Config = config,
            Records = records,
            Findings = findings,
            Exclusions = exclusions.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value, StringComparer.Ordinal),
            ResolvedBounds = bounds,
            Duplicates = duplicates,
            BalanceResults = balance,
            ParityResults = parity,
            Counts = counts,
        };
    }

    private static (double Min, double Max) ResolveBounds(QualityRule rule, List<ImageRecord> analysed)
    {
        var metric = MetricCatalog.Find(rule.Metric)!;
        List<double>? sorted = null;
        List<double> Sorted()
        {
            if (sorted is null)
            {
                sorted = analysed.Select(r => r[metric]).Where(double.IsFinite).ToList();
                sorted.Sort();
            }

            return sorted;
        }

        double Resolve(Threshold? t, bool isMin)
        {
            if (t is null)
            {
                return isMin ? double.NegativeInfinity : double.PositiveInfinity;
            }

            switch (t.Kind)
            {
                case ThresholdKind.Absolute:
                    return t.Value;
                case ThresholdKind.Percentile:
                    return Quantile.Linear(CollectionsMarshal.AsSpan(Sorted()), t.Value / 100.0);
                default:
                    double q1 = Quantile.Linear(CollectionsMarshal.AsSpan(Sorted()), 0.25);
                    double q3 = Quantile.Linear(CollectionsMarshal.AsSpan(Sorted()), 0.75);
                    return isMin ? q1 - (t.Value * (q3 - q1)) : q3 + (t.Value * (q3 - q1));
            }
        }

        return (Resolve(rule.Min, true), Resolve(rule.Max, false));
    }

    private static IEnumerable<Finding> GateLimits(GateConfig config, GateCounts counts)
    {
        var gate = config.Gate;
        var at = config.SourcePath is null ? null : new SourceSpan(config.SourcePath, 0, 0);
        if (counts.Total == 0)
        {
            yield return new Finding { Diagnostic = DiagnosticCodes.NoImages.Create($"no files under '{config.Dataset.Root}' match the include globs ({string.Join(", ", config.Dataset.Include)})", config.Dataset.RootLocation ?? at) };
            yield break;
        }

        if (counts.Analysed < gate.MinImages)
        {
            yield return new Finding
            {
                Diagnostic = DiagnosticCodes.NoImages.Create($"only {counts.Analysed} images could be analysed; the gate needs at least {gate.MinImages}", at),
                Observed = counts.Analysed,
                Threshold = $"≥ {gate.MinImages}",
            };
        }

        double erroredFraction = (double)counts.Errored / counts.Total;
        if (erroredFraction > gate.MaxErroredFraction)
        {
            yield return new Finding
            {
                Diagnostic = DiagnosticCodes.TooManyErrored.Create($"{counts.Errored} of {counts.Total} files ({erroredFraction:P1}) could not be analysed; the limit is {gate.MaxErroredFraction:P1} (gate.max_errored_fraction)", at),
                Observed = erroredFraction,
                Threshold = "≤ " + gate.MaxErroredFraction.ToString("G6", CultureInfo.InvariantCulture),
            };
        }

        double excludedFraction = counts.Analysed == 0 ? 0 : (double)counts.Excluded / counts.Analysed;
        if (excludedFraction > gate.MaxExcludedFraction)
        {
            yield return new Finding
            {
                Diagnostic = DiagnosticCodes.TooManyExcluded.Create($"{counts.Excluded} of {counts.Analysed} analysed images ({excludedFraction:P1}) were excluded; the limit is {gate.MaxExcludedFraction:P1} (gate.max_excluded_fraction)", at),
                Observed = excludedFraction,
                Threshold = "≤ " + gate.MaxExcludedFraction.ToString("G6", CultureInfo.InvariantCulture),
            };
        }
    }
}
