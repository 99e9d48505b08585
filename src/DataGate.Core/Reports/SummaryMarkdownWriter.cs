using System.Globalization;
using DataGate.Core.Diagnostics;
using DataGate.Core.Rules;

namespace DataGate.Core.Reports;

/// <summary>Writes <c>summary.md</c>: verdict, counts, rules, findings (image lists capped), excluded files.</summary>
internal static class SummaryMarkdownWriter
{
    /// <summary>Images listed per finding in Markdown (report.json lists all): <see cref="FindingImageLimits.Summary"/>.</summary>
    public const int MaxImagesPerFinding = FindingImageLimits.Summary;

    /// <summary>Writes the summary.</summary>
    public static void Write(TextWriter w, GateResult result, IReadOnlyList<ReportSection>? sections = null)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(result);
        var c = result.Counts;
        w.WriteLine($"# DataGate: {(result.Passed ? "PASSED" : "FAILED")}");
        w.WriteLine();
        w.WriteLine($"Rule file `{result.Config.SourcePath}`, dataset `{result.Config.Dataset.Root}`.");
        w.WriteLine();
        w.WriteLine("| total | kept | excluded | errored |");
        w.WriteLine("|---:|---:|---:|---:|");
        w.WriteLine($"| {c.Total} | {c.Kept} | {c.Excluded} | {c.Errored} |");
        w.WriteLine();
        if (result.Config.Quality.Count > 0)
        {
            w.WriteLine("## Quality rules");
            w.WriteLine();
            w.WriteLine("| rule | checks | status | offending |");
            w.WriteLine("|---|---|---|---:|");
            foreach (var rule in result.Config.Quality)
            {
                var f = result.Findings.FirstOrDefault(x => x.Diagnostic.RuleId == rule.Id && x.Diagnostic.Code != DiagnosticCodes.MetricUnavailable.Code);
                string status = f is null ? "passed" : f.Diagnostic.Code == DiagnosticCodes.QualityRuleFailed.Code ? "**failed**" : rule.Action == Config.RuleAction.Exclude ? "excluded" : "flagged";
                w.WriteLine($"| `{rule.Id}` | {Escape(rule.Describe())} | {status} | {f?.Images.Count ?? 0} |");
            }

            w.WriteLine();
        }

        var ordered = result.Findings.OrderByDescending(f => f.Diagnostic.Severity).ThenBy(f => f.Diagnostic.Code, StringComparer.Ordinal).ToList();
        if (ordered.Count > 0)
        {
            w.WriteLine("## Findings");
            w.WriteLine();
            foreach (var f in ordered)
            {
                var d = f.Diagnostic;
                var where = d.Location is { Line: > 0 } ? $" ({Path.GetFileName(d.Location.File)}:{d.Location.Line})" : string.Empty;
                var image = d.ImagePath is null ? string.Empty : $" `{d.ImagePath}`";
                w.WriteLine($"- **{d.Severity.ToString().ToLowerInvariant()} {d.Code}**{where}:{image} {Escape(d.Message)}");
                foreach (var img in f.Images.Take(MaxImagesPerFinding))
                {
                    var note = img.Note is null ? string.Empty : $" — {Escape(img.Note)}";
                    w.WriteLine($"  - `{img.Path}` {(double.IsNaN(img.Value) ? string.Empty : img.Value.ToString("G6", CultureInfo.InvariantCulture))}{note}");
                }

                if (f.Images.Count > MaxImagesPerFinding)
                {
                    w.WriteLine($"  - … and {f.Images.Count - MaxImagesPerFinding} more (see report.json)");
                }
            }

            w.WriteLine();
        }

        foreach (var section in sections ?? [])
        {
            section.WriteMarkdown(w);
            w.WriteLine();
        }
    }

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
