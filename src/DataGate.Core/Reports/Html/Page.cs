using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using DataGate.Core.Analysis;
using DataGate.Core.Config;
using DataGate.Core.Diagnostics;
using DataGate.Core.Labels;
using DataGate.Core.Rules;
using static DataGate.Core.Reports.Html.Markup;

namespace DataGate.Core.Reports.Html;

/// <summary>The sections and charts of one report.html, built from a <see cref="GateResult"/>.</summary>
internal sealed partial class Page
{
    private const int HistogramBins = 40;
    private readonly GateResult _result;
    private readonly HtmlReportOptions _options;
    private readonly Thumbnails _thumbnails;
    private readonly ConcurrentDictionary<string, string?> _thumbCache = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<Diagnostic> _problems = [];
    private readonly IReadOnlyList<CategoryField> _categories;
    private readonly CategoryField? _group;
    private readonly List<ImageRecord> _analysed;
    private readonly List<ImageRecord> _kept;

    public Page(GateResult result, HtmlReportOptions options)
    {
        _result = result;
        _options = options;
        _thumbnails = new Thumbnails(result.Config, options.ThumbnailSize);
        _categories = CategoryFields.All(result.Config);
        // The grouping of histograms and colour distributions: the first declared category field (gender in UTKFace).
        _group = _categories.FirstOrDefault(c => c.Kind == CategoryFieldKind.Declared);
        _analysed = result.Records.Where(r => r.IsAnalysed).ToList();
        _kept = result.Kept.ToList();
    }

    public List<(string Id, string Title, string Body)> Sections { get; } = [];

    public List<(string Id, JsonObject Spec)> Charts { get; } = [];

    public IReadOnlyList<Diagnostic> Problems => [.. _problems.OrderBy(p => p.ImagePath, StringComparer.Ordinal)];

    public void Build(IReadOnlyList<SplitRow>? splits)
    {
        Sections.Add(("verdict", "Verdict and counts", VerdictSection()));
        Sections.Add(("rules", "Rules", RuleSection()));
        if (HistogramSection() is { } histograms)
        {
            Sections.Add(("histograms", "Metric distributions", histograms));
        }

        if (CorrelationSection() is { } correlation)
        {
            Sections.Add(("correlation", "Metric correlations", correlation));
        }

        if (DemographicSection() is { } demographics)
        {
            Sections.Add(("demographics", "Demographics", demographics));
        }

        if (DuplicateSection() is { } duplicates)
        {
            Sections.Add(("duplicates", "Duplicates", duplicates));
        }

        if (GallerySection() is { } galleries)
        {
            Sections.Add(("galleries", "Worst offenders per rule", galleries));
        }

        if (ColourSection() is { } colour)
        {
            Sections.Add(("colour", "Colour channels by class", colour));
        }

        if (splits is { Count: > 0 })
        {
            Sections.Add(("splits", "Splits", SplitSection(splits)));
        }

        Sections.Add(("errored", "Errored files", ErroredSection()));
    }

    public string Header()
    {
        var c = _result.Counts;
        var cls = _result.Passed ? "passed" : "failed";
        return $"<header class=\"{cls}\"><h1>DataGate: {(_result.Passed ? "PASSED" : "FAILED")}</h1>" +
               $"<div class=\"sub\">Rule file <code>{E(_result.Config.SourcePath)}</code> · dataset <code>{E(_result.Config.Dataset.Root)}</code></div>" +
               $"<div class=\"tiles\"><div class=\"tile\"><b>{c.Total}</b>files</div><div class=\"tile\"><b>{c.Analysed}</b>analysed</div>" +
               $"<div class=\"tile\"><b>{c.Kept}</b>kept</div><div class=\"tile\"><b>{c.Excluded}</b>excluded</div><div class=\"tile\"><b>{c.Errored}</b>errored</div></div></header>\n";
    }

    private string Chart(JsonObject spec)
    {
        var id = "c" + Charts.Count.ToString(CultureInfo.InvariantCulture);
        Charts.Add((id, spec));
        return $"<div class=\"chart\" data-chart=\"{id}\"></div>";
    }

    private string VerdictSection()
    {
        var c = _result.Counts;
        var errors = _result.Findings.Count(f => f.Diagnostic.Severity == Severity.Error);
        var warnings = _result.Findings.Count(f => f.Diagnostic.Severity == Severity.Warning);
        return $"<p>The gate <b class=\"st-{(_result.Passed ? "passed" : "failed")}\">{(_result.Passed ? "passed" : "failed")}</b>: " +
               $"{errors} error finding(s), {warnings} warning(s). Kept + excluded + errored = {c.Kept} + {c.Excluded} + {c.Errored} = {c.Total}.</p>" +
               Chart(Specs.Counts(c.Kept, c.Excluded, c.Errored));
    }

    private string RuleSection()
    {
        var rules = RuleCatalog.Of(_result);
        var known = rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var html = new StringBuilder("<table><tr><th>rule</th><th>checks</th><th>observed</th><th>bound</th><th>status</th><th>offenders</th></tr>\n");
        foreach (var rule in rules)
        {
            var findings = RuleCatalog.FindingsOf(_result, rule.Id, known).ToList();
            var main = findings.Where(f => f.Diagnostic.Code != DiagnosticCodes.MetricUnavailable.Code).OrderByDescending(f => f.Diagnostic.Severity).FirstOrDefault();
            var (observed, bound) = Figures(rule, main);
            var status = findings.Count == 0 ? ("passed", "passed")
                : findings.Any(f => f.Diagnostic.Severity == Severity.Error) ? ("failed", "failed")
                : findings.Any(f => f.Diagnostic.Severity == Severity.Warning) ? ("warned", "warned")
                : findings.Any(f => f.Diagnostic.Code == DiagnosticCodes.QualityRuleExcluded.Code) ? ("excluded", "excluded") : ("info", "noted");
            int offenders = findings.Sum(f => f.Images.Count);
            var link = offenders > 0 || rule.Kind is "balance" or "parity" ? $"<a href=\"#{Anchor("rule", rule.Id)}\">{offenders}</a>" : offenders.ToString(CultureInfo.InvariantCulture);
            html.Append($"<tr><td><code>{E(rule.Id)}</code></td><td>{E(rule.Sentence)}</td><td class=\"n\">{E(observed)}</td><td>{E(bound)}</td>")
                .Append($"<td class=\"st-{status.Item1}\">{status.Item2}</td><td class=\"n\">{link}</td></tr>\n");
        }

        return html.Append("</table>\n").ToString();
    }

    private (string Observed, string Bound) Figures(RuleEntry rule, Finding? main)
    {
        if (rule.Kind == "quality" && _result.ResolvedBounds.TryGetValue(rule.Id, out var b))
        {
            var q = _result.Config.Quality.First(r => r.Id == rule.Id);
            int n = main?.Images.Count ?? 0;
            var share = _result.Counts.Analysed == 0 ? 0 : (double)n / _result.Counts.Analysed;
            return ($"{n} of {_result.Counts.Analysed} ({share.ToString("P1", CultureInfo.InvariantCulture)})", BoundText(b.Min, b.Max) + (q.Mostly > 0 ? $", mostly {q.Mostly.ToString("P0", CultureInfo.InvariantCulture)}" : string.Empty));
        }

        if (_result.BalanceResults.FirstOrDefault(x => x.Rule.Id == rule.Id) is { } balance)
        {
            return (N(balance.Observed), balance.Rule.Kind + " " + N(balance.Rule.Bound));
        }

        if (_result.ParityResults.FirstOrDefault(x => x.Rule.Id == rule.Id) is { } parity)
        {
            return (N(parity.Observed), $"{parity.Rule.MeasureName} ≤ {N(parity.Rule.MaxEffect)}");
        }

        return (main?.Observed is { } o ? N(o) : "–", main?.Threshold ?? "–");
    }

    internal static string BoundText(double min, double max) =>
        double.IsNegativeInfinity(min) && double.IsPositiveInfinity(max) ? "–" :
        double.IsNegativeInfinity(min) ? "≤ " + N(max) :
        double.IsPositiveInfinity(max) ? "≥ " + N(min) : $"{N(min)} … {N(max)}";

    private string ErroredSection()
    {
        var errored = _result.Records.Where(r => r.Error is not null).ToList();
        if (errored.Count == 0)
        {
            return "<p>No file failed to decode.</p>";
        }

        var html = new StringBuilder($"<p>{errored.Count} file(s) could not be analysed; they are neither kept nor excluded.</p><table><tr><th>file</th><th>code</th><th>problem</th></tr>\n");
        foreach (var r in errored)
        {
            html.Append($"<tr><td><code>{E(r.Path)}</code></td><td>{E(r.Error!.Code)}</td><td>{E(r.Error.Message)}</td></tr>\n");
        }

        return html.Append("</table>\n").ToString();
    }

    private static string SplitSection(IReadOnlyList<SplitRow> splits)
    {
        var categories = splits.SelectMany(s => s.Shares.Keys).Distinct(StringComparer.Ordinal).ToList();
        var html = new StringBuilder("<table><tr><th>split</th><th>images</th>");
        foreach (var c in categories)
        {
            html.Append($"<th>{E(c)}</th>");
        }

        html.Append("</tr>\n");
        foreach (var s in splits)
        {
            html.Append($"<tr><td>{E(s.Name)}</td><td class=\"n\">{s.Count}</td>");
            foreach (var c in categories)
            {
                html.Append($"<td class=\"n\">{(s.Shares.TryGetValue(c, out var v) ? v.ToString("P1", CultureInfo.InvariantCulture) : "–")}</td>");
            }

            html.Append("</tr>\n");
        }

        return html.Append("</table>\n").ToString();
    }

    /// <summary>A thumbnail figure (cached per image; made at most once per report).</summary>
    private string Thumb(string path, string caption, bool kept = false)
    {
        var uri = _thumbCache.GetOrAdd(path, p =>
        {
            var (data, problem) = _thumbnails.Make(p);
            if (problem is not null)
            {
                _problems.Add(problem);
            }

            return data;
        });
        var img = uri is null ? "<div class=\"muted\">no thumbnail</div>" : $"<img src=\"{uri}\" alt=\"{E(path)}\" loading=\"lazy\">";
        return $"<figure class=\"thumb{(kept ? " kept" : string.Empty)}\" title=\"{E(path)}\">{img}{(kept ? "<span class=\"badge\">kept</span> " : string.Empty)}{E(caption)}</figure>";
    }

    /// <summary>Makes the thumbnails of these images in parallel first, so building the HTML then only reads the cache.</summary>
    private void Prefetch(IEnumerable<string> paths)
    {
        var todo = paths.Distinct(StringComparer.Ordinal).Where(p => !_thumbCache.ContainsKey(p)).ToList();
        Parallel.ForEach(todo, p => _thumbCache.GetOrAdd(p, q =>
        {
            var (data, problem) = _thumbnails.Make(q);
            if (problem is not null)
            {
                _problems.Add(problem);
            }

            return data;
        }));
    }
}
