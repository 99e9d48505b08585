using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using DataGate.Core.Diagnostics;
using DataGate.Core.Rules;

namespace DataGate.Core.Reports.Html;

/// <summary>
/// Writes report.html: one self-contained file (no network, no external file) with the Vega 6 and Vega-Lite 6
/// runtimes embedded (BSD-3-Clause, vendored by build/vendor-vega.sh), the chart specifications and their
/// pre-aggregated data as JSON, and thumbnails as data URIs. Every chart renders to SVG in the browser.
/// </summary>
internal static partial class HtmlReportWriter
{
    private static readonly Lazy<string> s_runtime = new(() => Resource("vega.min.js") + "\n</script>\n<script>\n" + Resource("vega-lite.min.js"));

    /// <summary>Most cells shown as columns of the split table; the rest are summed into "other cells".</summary>
    private const int MaxSplitTableCells = 12;

    /// <summary>
    /// The split table of a result with <c>splits:</c>: per split its image count and the share of its images that
    /// come from each stratification cell (the largest cells; summary.md and report.json have every cell).
    /// </summary>
    internal static IReadOnlyList<SplitRow>? SplitRows(GateResult result)
    {
        if (result.Splits is not { } plan)
        {
            return null;
        }

        var counts = plan.Counts;
        var cells = plan.Cells.OrderByDescending(c => c.Images).ThenBy(c => c.Stratum, StringComparer.Ordinal).ToList();
        var shown = cells.Take(MaxSplitTableCells).ToList();
        var rest = cells.Skip(MaxSplitTableCells).ToList();
        var rows = new List<SplitRow>();
        for (int s = 0; s < plan.Names.Count; s++)
        {
            double total = Math.Max(1, counts[s]);
            var shares = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var cell in shown)
            {
                shares[cell.Stratum] = cell.Counts[s] / total;
            }

            if (rest.Count > 0)
            {
                shares["other cells"] = rest.Sum(c => c.Counts[s]) / total;
            }

            rows.Add(new SplitRow(plan.Names[s], counts[s], shares));
        }

        return rows;
    }

    /// <summary>Writes the report; returns the DG3020 warnings of images that got no thumbnail.</summary>
    public static IReadOnlyList<Diagnostic> Write(TextWriter w, GateResult result, HtmlReportOptions options, IReadOnlyList<SplitRow>? splits = null)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(options);
        var page = new Page(result, options);
        page.Build(splits ?? SplitRows(result));

        w.Write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        w.Write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        // Nothing may be loaded from elsewhere: images are data URIs, scripts and styles inline.
        w.Write("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'unsafe-inline' 'unsafe-eval'\">\n");
        w.Write($"<title>DataGate report: {Markup.E(result.Passed ? "PASSED" : "FAILED")}</title>\n<style>{Css}</style>\n</head>\n<body>\n");
        w.Write(page.Header());
        w.Write("<nav>");
        foreach (var s in page.Sections)
        {
            w.Write($"<a href=\"#{s.Id}\">{Markup.E(s.Title)}</a>");
        }

        w.Write("</nav>\n<main>\n");
        foreach (var s in page.Sections)
        {
            w.Write($"<section id=\"{s.Id}\"><h2>{Markup.E(s.Title)}</h2>\n{s.Body}</section>\n");
        }

        w.Write("</main>\n<footer>Written by DataGate");
        w.Write(ProductVersion.Text is { } v ? " " + Markup.E(v) : string.Empty);
        w.Write(". Charts: Vega 6.4.0 and Vega-Lite 6.5.0 (BSD-3-Clause, University of Washington Interactive Data Lab), embedded.</footer>\n");
        w.Write("<script type=\"application/json\" id=\"dg-specs\">");
        var specs = new JsonObject();
        foreach (var (id, spec) in page.Charts)
        {
            specs[id] = spec;
        }

        // The default encoder escapes <, > and &, so the JSON cannot close the script element.
        w.Write(specs.ToJsonString());
        w.Write("</script>\n<script>\n");
        w.Write(s_runtime.Value);
        w.Write("\n</script>\n<script>\n");
        w.Write(RenderScript);
        w.Write("\n</script>\n</body>\n</html>\n");
        return page.Problems;
    }

    private static string Resource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("DataGate.Core.Resources.vega." + name)
            ?? throw new InvalidOperationException($"embedded resource {name} is missing from DataGate.Core");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    // Renders every [data-chart] element with its Vega-Lite spec to SVG; records the outcome on <body> so a headless
    // browser test can read it from the DOM: data-charts (expected), data-charts-rendered, data-script-errors.
    private const string RenderScript = """
        (function () {
          var errors = [];
          function note() { document.body.setAttribute('data-script-errors', String(errors.length)); }
          window.addEventListener('error', function (e) { errors.push(String(e.message)); note(); });
          window.addEventListener('unhandledrejection', function (e) { errors.push(String(e.reason)); note(); });
          var specs = JSON.parse(document.getElementById('dg-specs').textContent);
          var charts = document.querySelectorAll('[data-chart]');
          document.body.setAttribute('data-charts', String(charts.length));
          var pending = [];
          charts.forEach(function (el) {
            var id = el.getAttribute('data-chart');
            function fail(err) { errors.push(id + ': ' + err); el.className += ' failed'; el.textContent = 'chart ' + id + ' failed: ' + err; note(); }
            try {
              var compiled = vegaLite.compile(specs[id]).spec;
              var view = new vega.View(vega.parse(compiled), { renderer: 'svg', hover: true, logLevel: vega.Warn });
              pending.push(view.initialize(el).runAsync().then(function () { el.setAttribute('data-rendered', '1'); }, fail));
            } catch (err) { fail(err); }
          });
          Promise.all(pending).then(function () {
            document.body.setAttribute('data-charts-rendered', String(document.querySelectorAll('[data-rendered]').length));
            note();
          });
        })();
        """;

    private const string Css = """
        body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#222;background:#fafafa}
        header{padding:16px 24px;color:#fff}header.passed{background:#2e7d32}header.failed{background:#c62828}
        header h1{margin:0 0 6px;font-size:22px}header code{background:rgba(255,255,255,.2);color:#fff}header .sub{opacity:.9}
        nav{position:sticky;top:0;background:#fff;border-bottom:1px solid #ddd;padding:6px 24px;z-index:2}
        nav a{margin-right:14px;color:#1565c0;text-decoration:none;font-size:13px}
        main{padding:0 24px 24px}section{background:#fff;border:1px solid #e3e3e3;border-radius:6px;margin:16px 0;padding:12px 16px}
        h2{font-size:18px;margin:4px 0 10px}h3{font-size:15px;margin:14px 0 6px}
        table{border-collapse:collapse;margin:6px 0}td,th{border-bottom:1px solid #eee;padding:3px 8px;text-align:left;vertical-align:top}
        th{background:#f4f4f4}td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
        .tiles{display:flex;gap:12px;margin:8px 0}.tile{background:rgba(255,255,255,.15);border-radius:6px;padding:6px 14px}
        .tile b{display:block;font-size:20px}
        .st-passed{color:#2e7d32}.st-failed{color:#c62828;font-weight:600}.st-warned{color:#ef6c00}.st-excluded{color:#ef6c00}.st-info{color:#666}
        .charts{display:flex;flex-wrap:wrap;gap:16px}.chart{min-height:60px}.chart.failed{color:#c62828}
        .gallery{display:flex;flex-wrap:wrap;gap:8px}.thumb{margin:0;border:2px solid #ddd;border-radius:4px;padding:3px;background:#fff;font-size:11px;max-width:140px;word-break:break-all}
        .thumb img{display:block;margin-bottom:2px}.thumb.kept{border-color:#2e7d32}.thumb .badge{background:#2e7d32;color:#fff;border-radius:3px;padding:0 4px}
        .group{border:1px solid #ddd;border-radius:6px;padding:6px;margin:6px 0}.group.conflict{border:2px solid #c62828;background:#fff5f5}
        .group .title{font-size:12px;margin-bottom:4px}.conflict .title{color:#c62828;font-weight:600}
        .muted{color:#777;font-size:12px}code{background:#f2f2f2;padding:0 3px;border-radius:3px}
        footer{color:#777;font-size:12px;padding:8px 24px 24px}
        """;
}
