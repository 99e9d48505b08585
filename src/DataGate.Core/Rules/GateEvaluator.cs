using System.Globalization;
using System.Runtime.InteropServices;
using DataGate.Core.Analysis;
using DataGate.Core.Config;
using DataGate.Core.Diagnostics;
using DataGate.Core.Duplicates;
using DataGate.Core.Statistics;

namespace DataGate.Core.Rules;

/// <summary>
/// The steps behind <see cref="RuleSet.Fit"/> and <see cref="FittedGate.Apply"/>: resolve bounds over rows, judge rows
/// against them, count. Every rule is evaluated and every failure collected, then the gate decides once. Nothing
/// here writes into its input.
/// </summary>
internal static class GateEvaluator
{
    /// <summary>Fits the configuration's rules over an analysis and applies them to the same rows (<c>check</c>).</summary>
    public static GateResult Evaluate(GateConfig config, DatasetAnalysis analysis, int maxDegreeOfParallelism = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(analysis);
        return RuleSet.FromConfig(config).Check(analysis.Records, analysis.Diagnostics, maxDegreeOfParallelism, cancellationToken);
    }

    /// <summary>Resolves every quality rule's bounds (absolute, percentile, IQR) over the analysed rows.</summary>
    public static Dictionary<string, (double Min, double Max)> ResolveBounds(GateConfig config, IReadOnlyList<ImageRecord> rows, CancellationToken cancellationToken)
    {
        var analysed = rows.Where(r => r.IsAnalysed).ToList();
        var bounds = new Dictionary<string, (double, double)>(StringComparer.Ordinal);
        foreach (var rule in config.Quality)
        {
            cancellationToken.ThrowIfCancellationRequested();
            bounds[rule.Id] = ResolveBounds(rule, analysed);
        }

        return bounds;
    }

    /// <summary>Judges rows against resolved bounds and duplicate groups, and checks the gate limits.</summary>
    /// <param name="config">The rules.</param>
    /// <param name="rows">Rows with dataset-relative metrics filled.</param>
    /// <param name="bounds">Resolved bounds of every quality rule.</param>
    /// <param name="duplicates">Duplicate groups among <paramref name="rows"/>.</param>
    /// <param name="cancellationToken">Checked between rules.</param>
    public static RowEvaluation EvaluateRows(GateConfig config, IReadOnlyList<ImageRecord> rows, IReadOnlyDictionary<string, (double Min, double Max)> bounds, DuplicateReport duplicates, CancellationToken cancellationToken)
    {
        var findings = new List<Finding>();
        foreach (var r in rows)
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

        var analysedRows = new List<int>(rows.Count);
        for (int i = 0; i < rows.Count; i++)
        {
            if (rows[i].IsAnalysed)
            {
                analysedRows.Add(i);
            }
        }

        var analysed = analysedRows.Select(i => rows[i]).ToList();
        var excludedBy = new List<string>?[rows.Count];
        foreach (var rule in config.Quality)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (min, max) = bounds[rule.Id];
            var (ruleFindings, excluded) = QualityRuleEvaluator.Evaluate(rule, min, max, analysed);
            findings.AddRange(ruleFindings);
            foreach (int a in excluded)
            {
                (excludedBy[analysedRows[a]] ??= []).Add(rule.Id);
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        var (duplicateFindings, duplicateExclusions) = DuplicateEvaluator.Evaluate(config.Duplicates, duplicates);
        findings.AddRange(duplicateFindings);
        if (duplicateExclusions.Count > 0)
        {
            var rowsOfPath = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            foreach (int i in analysedRows)
            {
                if (!rowsOfPath.TryGetValue(rows[i].Path, out var list))
                {
                    rowsOfPath[rows[i].Path] = list = [];
                }

                list.Add(i);
            }

            foreach (var (path, ruleId) in duplicateExclusions)
            {
                foreach (int i in rowsOfPath.GetValueOrDefault(path) ?? [])
                {
                    var ids = excludedBy[i] ??= [];
                    if (!ids.Contains(ruleId))
                    {
                        ids.Add(ruleId);
                    }
                }
            }
        }

        var verdicts = new RowVerdict[rows.Count];
        int excludedCount = 0;
        for (int i = 0; i < rows.Count; i++)
        {
            verdicts[i] = new RowVerdict(rows[i].IsAnalysed, excludedBy[i] is { } ids ? ids.AsReadOnly() : []);
            excludedCount += excludedBy[i] is null ? 0 : 1;
        }

        var counts = new GateCounts(rows.Count, analysed.Count - excludedCount, excludedCount, rows.Count - analysed.Count);
        findings.AddRange(GateLimits(config, counts));
        return new RowEvaluation(rows, verdicts, findings, duplicates, counts);
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
            string what = config.Dataset.IsSpecified
                ? $"no files under '{config.Dataset.Root}' match the include globs ({string.Join(", ", config.Dataset.Include)})"
                : "no rows were given";
            yield return new Finding { Diagnostic = DiagnosticCodes.NoImages.Create(what, config.Dataset.RootLocation ?? at) };
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
