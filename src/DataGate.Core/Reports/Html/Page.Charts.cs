using System.Text;
using DataGate.Core.Analysis;
using DataGate.Core.Config;
using DataGate.Core.Labels;
using static DataGate.Core.Reports.Html.Markup;

namespace DataGate.Core.Reports.Html;

/// <summary>The chart sections: metric histograms, correlations, demographics.</summary>
internal sealed partial class Page
{
    private const int MaxCorrelationMetrics = 14;

    private string? HistogramSection()
    {
        var metrics = _result.Config.Quality.Select(r => r.Metric).Concat(_result.Config.Parity.Select(p => p.Metric)).Distinct(StringComparer.Ordinal).ToList();
        var html = new StringBuilder();
        if (_group is not null)
        {
            html.Append($"<p class=\"muted\">Analysed images, stacked by <code>{E(_group.Name)}</code>. Red lines: the rules' bounds (relative bounds as resolved on this dataset); shaded: the range a rule rejects.</p>");
        }

        html.Append("<div class=\"charts\">");
        int charts = 0;
        foreach (var name in metrics)
        {
            if (MetricCatalog.Find(name) is not { } metric)
            {
                continue;
            }

            var values = _analysed.Select(r => r[metric]).Where(double.IsFinite).ToList();
            var rules = _result.Config.Quality.Where(r => r.Metric == name && _result.ResolvedBounds.ContainsKey(r.Id)).ToList();
            var bounds = rules.SelectMany(r => new[] { _result.ResolvedBounds[r.Id].Min, _result.ResolvedBounds[r.Id].Max }).Where(double.IsFinite).ToList();
            if (Binned.Over(values, HistogramBins, bounds) is not { } bins)
            {
                continue;
            }

            var counts = new Dictionary<(int, string), int>();
            foreach (var r in _analysed)
            {
                double v = r[metric];
                if (!double.IsFinite(v) || (bins.IsLog && v <= 0))
                {
                    continue;
                }

                var g = _group?.ValueOf(r, out _) ?? "unlabelled";
                var key = (bins.IndexOf(v), g);
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }

            bool Excluded(double x0, double x1) => rules.Any(r =>
            {
                var (min, max) = _result.ResolvedBounds[r.Id];
                return (x0 + x1) / 2 < min || (x0 + x1) / 2 > max;
            });
            var rows = counts.OrderBy(k => k.Key.Item1).Select(k => (object)new
            {
                x0 = bins.Edge(k.Key.Item1),
                x1 = bins.Edge(k.Key.Item1 + 1),
                count = k.Value,
                group = k.Key.Item2,
                excluded = Excluded(bins.Edge(k.Key.Item1), bins.Edge(k.Key.Item1 + 1)),
            }).ToList();
            double lo = bins.Edge(0), hi = bins.Edge(bins.Count);
            var shaded = new List<object>();
            var thresholds = new List<object>();
            foreach (var r in rules)
            {
                var (min, max) = _result.ResolvedBounds[r.Id];
                if (double.IsFinite(min) && min > lo)
                {
                    shaded.Add(new { from = lo, to = Math.Min(min, hi) });
                }

                if (double.IsFinite(max) && max < hi)
                {
                    shaded.Add(new { from = Math.Max(max, lo), to = hi });
                }

                // A bound off the axis (far outside the data, or ≤ 0 on a log axis) is not drawn; the rule table states it.
                if (double.IsFinite(min) && min >= lo && min <= hi)
                {
                    thresholds.Add(new { value = min, label = r.Id + " ≥ " + N(min) });
                }

                if (double.IsFinite(max) && max >= lo && max <= hi)
                {
                    thresholds.Add(new { value = max, label = r.Id + " ≤ " + N(max) });
                }
            }

            html.Append(Chart(Specs.Histogram(name, bins.IsLog, rows, shaded, thresholds, _group?.Name)));
            charts++;
        }

        return charts == 0 ? null : html.Append("</div>").ToString();
    }

    private string? CorrelationSection()
    {
        var preferred = _result.Config.Quality.Select(r => r.Metric).Concat(_result.Config.Parity.Select(p => p.Metric));
        var candidates = preferred.Select(MetricCatalog.Find).OfType<MetricDefinition>()
            .Concat(MetricCatalog.All.Where(m => m.Family == MetricFamilies.Quality || m.Family == MetricFamilies.Brisque))
            .Where(m => !m.IsFlag).DistinctBy(m => m.Name)
            .Where(m => _analysed.Count(r => double.IsFinite(r[m])) >= Math.Max(3, _analysed.Count / 2))
            .Take(MaxCorrelationMetrics).ToList();
        if (candidates.Count < 2)
        {
            return null;
        }

        var cells = new List<object>();
        foreach (var a in candidates)
        {
            foreach (var b in candidates)
            {
                double r = Pearson(a, b);
                cells.Add(new { a = a.Name, b = b.Name, r = double.IsFinite(r) ? Math.Round(r, 3) : 0 });
            }
        }

        return "<p class=\"muted\">Pearson r over the analysed images (pairs where both values exist).</p>" + Chart(Specs.Heatmap(cells, candidates.Count));
    }

    private double Pearson(MetricDefinition a, MetricDefinition b)
    {
        double n = 0, sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
        foreach (var r in _analysed)
        {
            double x = r[a], y = r[b];
            if (!double.IsFinite(x) || !double.IsFinite(y))
            {
                continue;
            }

            n++;
            sa += x;
            sb += y;
            saa += x * x;
            sbb += y * y;
            sab += x * y;
        }

        double cov = sab - sa * sb / n, va = saa - sa * sa / n, vb = sbb - sb * sb / n;
        return va <= 0 || vb <= 0 ? double.NaN : cov / Math.Sqrt(va * vb);
    }

    private string? DemographicSection()
    {
        var html = new StringBuilder();
        var charts = new StringBuilder();
        var numeric = CategoryFields.Numeric(_result.Config);
        if (_group is not null)
        {
            foreach (var field in numeric)
            {
                var values = _kept.Select(r => (Value: CategoryFields.NumericValue(field, r), Group: _group.ValueOf(r, out _))).Where(x => double.IsFinite(x.Value) && x.Group is not null).ToList();
                if (Binned.Over(values.Select(v => v.Value).ToList(), 30) is not { } bins || bins.IsLog)
                {
                    continue;
                }

                var rows = values.GroupBy(v => v.Group!).SelectMany(g => Normalised(g.Select(v => v.Value), bins).Select(p => (object)new { x = p.X, y = p.Y, group = g.Key })).ToList();
                charts.Append(Chart(Specs.Overlaid($"{field.Name} by {_group.Name} (kept images, share per group)", rows, field.Name, _group.Name, "share of group")));
                if (field.BinFieldName is { } binName && _categories.FirstOrDefault(c => c.Name == binName) is { } binField)
                {
                    var cells = binField.Categories.SelectMany(bin => _group.CategoriesFor(_kept).Select(g => (object)new
                    {
                        x = bin,
                        group = g,
                        y = _kept.Count(r => binField.ValueOf(r, out _) == bin && _group.ValueOf(r, out _) == g),
                    })).ToList();
                    charts.Append(Chart(Specs.GroupedBars($"{binName} × {_group.Name} (kept images)", cells, binName, _group.Name)));
                }
            }
        }

        foreach (var b in _result.BalanceResults)
        {
            var rows = b.Cells.Select(c => (object)new { key = c.Key, share = double.IsFinite(c.Share) ? c.Share : 0, reference = double.IsFinite(c.ReferenceShare) ? c.ReferenceShare : (double?)null, count = c.Count, status = c.Offending ? "offending" : "ok" }).ToList();
            bool hasReference = b.Cells.Any(c => double.IsFinite(c.ReferenceShare));
            charts.Append($"<div id=\"{Anchor("rule", b.Rule.Id)}\">");
            charts.Append(Chart(Specs.Shares($"{b.Rule.Id}: {(b.Passed ? "passed" : "failed")} — {string.Join(" × ", b.Rule.Fields)}{(hasReference ? " (ticks: reference)" : string.Empty)}", rows, hasReference)));
            charts.Append("</div>");
        }

        foreach (var p in _result.ParityResults)
        {
            if (MetricCatalog.Find(p.Rule.Metric) is not { } metric || _categories.FirstOrDefault(c => c.Name == p.Rule.Across) is not { } across)
            {
                continue;
            }

            var values = _kept.Select(r => (Value: r[metric], Group: across.ValueOf(r, out _))).Where(x => double.IsFinite(x.Value) && x.Group is not null).ToList();
            if (Binned.Over(values.Select(v => v.Value).ToList(), 30) is not { } bins)
            {
                continue;
            }

            var rows = values.GroupBy(v => v.Group!).SelectMany(g => Normalised(g.Select(v => v.Value), bins).Select(x => (object)new { x = x.X, y = x.Y, group = g.Key })).ToList();
            charts.Append($"<div id=\"{Anchor("rule", p.Rule.Id)}\">");
            charts.Append(Chart(Specs.Overlaid($"{p.Rule.Id}: {p.Rule.Metric} by {p.Rule.Across} — {p.Rule.MeasureName} {N(p.Observed)} (max {N(p.Rule.MaxEffect)}, {(p.Passed ? "passed" : "failed")})", rows, p.Rule.Metric, p.Rule.Across, "share of group", bins.IsLog)));
            charts.Append("</div>");
        }

        if (charts.Length == 0)
        {
            return null;
        }

        html.Append("<p class=\"muted\">Over the kept images, as the balance and parity rules see them.</p>");
        html.Append(BalanceTable());
        return html.Append("<div class=\"charts\">").Append(charts).Append("</div>").ToString();
    }

    private string BalanceTable()
    {
        if (_result.BalanceResults.Count == 0)
        {
            return string.Empty;
        }

        var html = new StringBuilder("<details><summary>Balance tables (every cell of every balance rule)</summary><table><tr><th>balance rule</th><th>cell</th><th>count</th><th>share</th><th>reference</th><th></th></tr>\n");
        foreach (var b in _result.BalanceResults)
        {
            foreach (var c in b.Cells)
            {
                html.Append($"<tr><td><code>{E(b.Rule.Id)}</code></td><td>{E(c.Key)}</td><td class=\"n\">{c.Count}</td><td class=\"n\">{N(c.Share)}</td><td class=\"n\">{N(c.ReferenceShare)}</td><td class=\"{(c.Offending ? "st-failed" : string.Empty)}\">{(c.Offending ? "offending" : string.Empty)}</td></tr>\n");
            }
        }

        return html.Append("</table></details>").ToString();
    }

    private static IEnumerable<(double X, double Y)> Normalised(IEnumerable<double> values, Binned bins)
    {
        var counts = new int[bins.Count];
        int n = 0;
        foreach (var v in values)
        {
            if (bins.IsLog && v <= 0)
            {
                continue;
            }

            counts[bins.IndexOf(v)]++;
            n++;
        }

        for (int i = 0; i < bins.Count; i++)
        {
            yield return (bins.Edge(i), n == 0 ? 0 : (double)counts[i] / n);
        }

        // The closing edge, so the step line ends at the last bin's right side.
        yield return (bins.Edge(bins.Count), 0);
    }
}
